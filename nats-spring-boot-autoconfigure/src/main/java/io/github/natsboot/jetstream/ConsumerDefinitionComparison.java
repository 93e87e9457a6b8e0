package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.natsboot.jetstream.ConsumerDefinition.AckPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.DeliverPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.ReplayPolicy;
import io.nats.client.api.ConsumerConfiguration;

/**
 * Compares a {@link ConsumerDefinition} with the server's configuration of its durable
 * consumer: the settings the definition sets that differ, and whether the server can
 * change each of them on the existing consumer (policies and start position never
 * change). A definition that sets an acknowledgement wait and no backoff differs from a
 * server's backoff, because the server would replace the acknowledgement wait with the
 * backoff's first entry.
 */
final class ConsumerDefinitionComparison {

	private ConsumerDefinitionComparison() {
	}

	static List<FieldDifference> compare(ConsumerDefinition definition, ConsumerConfiguration current) {
		Comparison comparison = new Comparison();
		comparison.compareDescription(current.getDescription(), definition.getDescription());
		comparison.compareSubjects("filter-subjects", current.getFilterSubjects(), definition.getFilterSubjects());
		comparison.compareConstant("ack-policy", current.getAckPolicy(), definition.getAckPolicy(),
				AckPolicy::toAckPolicy, true);
		comparison.compareConstant("deliver-policy", current.getDeliverPolicy(), definition.getDeliverPolicy(),
				DeliverPolicy::toDeliverPolicy, true);
		Long startSequence = (current.getStartSequence() > 0) ? current.getStartSequence() : null;
		comparison.compare("opt-start-seq", startSequence, definition.getOptStartSeq(), true);
		Instant startTime = (current.getStartTime() != null) ? current.getStartTime().toInstant() : null;
		comparison.compare("opt-start-time", startTime, definition.getOptStartTime(), true);
		comparison.compareConstant("replay-policy", current.getReplayPolicy(), definition.getReplayPolicy(),
				ReplayPolicy::toReplayPolicy, true);
		comparison.compare("max-deliver", (int) current.getMaxDeliver(), definition.getMaxDeliver());
		comparison.compare("ack-wait", current.getAckWait(), definition.getAckWait());
		List<Duration> backoff = (current.getBackoff() != null) ? current.getBackoff() : List.of();
		comparison.compare("backoff", backoff, definition.getBackoff());
		if (definition.getBackoff() == null && definition.getAckWait() != null && !backoff.isEmpty()) {
			comparison.add("backoff", backoff, List.of());
		}
		comparison.compare("max-ack-pending", (int) current.getMaxAckPending(), definition.getMaxAckPending());
		return comparison.differences();
	}

}
