package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.natsboot.jetstream.ConsumerDefinition.AckPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.DeliverPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.PriorityPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.ReplayPolicy;
import io.nats.client.api.ConsumerConfiguration;

/**
 * Compares a {@link ConsumerDefinition} with the server's configuration of its durable
 * consumer: the settings the definition sets that differ, and whether the server can
 * change each of them on the existing consumer (policies, start position, max-waiting and
 * whether it is a push or a pull consumer never change). A definition that sets an
 * acknowledgement wait and no backoff differs from a server's backoff, because the
 * server would replace the acknowledgement wait with the backoff's first entry.
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
		comparison.compare("inactive-threshold", current.getInactiveThreshold(), definition.getInactiveThreshold());
		comparison.compare("max-waiting", (int) current.getMaxPullWaiting(), definition.getMaxWaiting(), true);
		comparison.compare("max-batch", (int) current.getMaxBatch(), definition.getMaxBatch());
		comparison.compare("max-expires", current.getMaxExpires(), definition.getMaxExpires());
		comparison.compare("headers-only", current.isHeadersOnly(), definition.getHeadersOnly());
		comparison.compare("sample-frequency", current.getSampleFrequency(), definition.getSampleFrequency());
		comparison.compare("rate-limit", current.getRateLimit(), definition.getRateLimit());
		comparison.compare("deliver-subject", current.getDeliverSubject(), definition.getDeliverSubject(),
				current.getDeliverSubject() == null);
		comparison.compare("deliver-group", current.getDeliverGroup(), definition.getDeliverGroup());
		comparison.compare("replicas", current.getNumReplicas(), definition.getReplicas());
		comparison.compare("mem-storage", current.isMemStorage(), definition.getMemStorage());
		comparison.compareMetadata(current.getMetadata(), definition.getMetadata());
		Instant pauseUntil = (current.getPauseUntil() != null) ? current.getPauseUntil().toInstant() : null;
		comparison.compare("pause-until", pauseUntil, definition.getPauseUntil());
		comparison.compareSubjects("priority-groups", current.getPriorityGroups(), definition.getPriorityGroups());
		comparison.compareConstant("priority-policy", current.getPriorityPolicy(), definition.getPriorityPolicy(),
				PriorityPolicy::toPriorityPolicy, false);
		return comparison.differences();
	}

}
