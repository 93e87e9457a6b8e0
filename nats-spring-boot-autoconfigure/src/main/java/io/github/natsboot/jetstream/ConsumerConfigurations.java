package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;

import io.github.natsboot.jetstream.ConsumerDefinition.AckPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.DeliverPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.ReplayPolicy;
import io.nats.client.api.ConsumerConfiguration;

/**
 * Turns a {@link ConsumerDefinition} into the jnats configuration that creates or
 * updates its durable consumer, and compares it with the server's configuration. Only
 * the settings a definition sets are applied and compared, with one exception: the
 * server replaces the acknowledgement wait with the first backoff entry, so a definition
 * that sets an acknowledgement wait and no backoff removes the server's backoff.
 */
final class ConsumerConfigurations {

	private ConsumerConfigurations() {
	}

	static ConsumerConfiguration forCreate(ConsumerDefinition definition) {
		return apply(definition, ConsumerConfiguration.builder().durable(definition.getDurable())).build();
	}

	static ConsumerConfiguration forUpdate(ConsumerDefinition definition, ConsumerConfiguration current) {
		return apply(definition, ConsumerConfiguration.builder(current)).build();
	}

	private static ConsumerConfiguration.Builder apply(ConsumerDefinition definition,
			ConsumerConfiguration.Builder builder) {
		if (definition.getDescription() != null) {
			builder.description(definition.getDescription());
		}
		if (definition.getFilterSubjects() != null) {
			builder.filterSubjects(definition.getFilterSubjects());
		}
		if (definition.getAckPolicy() != null) {
			builder.ackPolicy(definition.getAckPolicy().toAckPolicy());
		}
		if (definition.getDeliverPolicy() != null) {
			builder.deliverPolicy(definition.getDeliverPolicy().toDeliverPolicy());
		}
		if (definition.getOptStartSeq() != null) {
			builder.startSequence(definition.getOptStartSeq());
		}
		if (definition.getOptStartTime() != null) {
			builder.startTime(ZonedDateTime.ofInstant(definition.getOptStartTime(), ZoneOffset.UTC));
		}
		if (definition.getReplayPolicy() != null) {
			builder.replayPolicy(definition.getReplayPolicy().toReplayPolicy());
		}
		if (definition.getMaxDeliver() != null) {
			builder.maxDeliver(definition.getMaxDeliver());
		}
		if (definition.getAckWait() != null) {
			builder.ackWait(definition.getAckWait());
		}
		if (definition.getBackoff() != null) {
			builder.backoff(definition.getBackoff().toArray(Duration[]::new));
		}
		else if (definition.getAckWait() != null) {
			builder.backoff((Duration[]) null);
		}
		if (definition.getMaxAckPending() != null) {
			builder.maxAckPending(definition.getMaxAckPending());
		}
		return builder;
	}

	static List<FieldDifference> compare(ConsumerDefinition definition, ConsumerConfiguration current) {
		Comparison comparison = new Comparison();
		comparison.compareDescription(current.getDescription(), definition.getDescription());
		List<String> filters = definition.getFilterSubjects();
		List<String> currentFilters = (current.getFilterSubjects() != null) ? current.getFilterSubjects() : List.of();
		if (filters != null && !new HashSet<>(filters).equals(new HashSet<>(currentFilters))) {
			comparison.add("filter-subjects", currentFilters, filters);
		}
		comparison.compare("ack-policy", AckPolicy.of(current.getAckPolicy()), definition.getAckPolicy(), true);
		DeliverPolicy deliverPolicy = DeliverPolicy.of(current.getDeliverPolicy());
		comparison.compare("deliver-policy", (deliverPolicy != null) ? deliverPolicy : current.getDeliverPolicy(),
				definition.getDeliverPolicy(), true);
		Long startSequence = (current.getStartSequence() > 0) ? current.getStartSequence() : null;
		comparison.compare("opt-start-seq", startSequence, definition.getOptStartSeq(), true);
		Instant startTime = (current.getStartTime() != null) ? current.getStartTime().toInstant() : null;
		comparison.compare("opt-start-time", startTime, definition.getOptStartTime(), true);
		comparison.compare("replay-policy", ReplayPolicy.of(current.getReplayPolicy()), definition.getReplayPolicy(),
				true);
		comparison.compare("max-deliver", (int) current.getMaxDeliver(), definition.getMaxDeliver());
		comparison.compare("ack-wait", current.getAckWait(), definition.getAckWait());
		List<Duration> currentBackoff = (current.getBackoff() != null) ? current.getBackoff() : List.of();
		comparison.compare("backoff", currentBackoff, definition.getBackoff());
		if (definition.getBackoff() == null && definition.getAckWait() != null && !currentBackoff.isEmpty()) {
			comparison.add("backoff", currentBackoff, List.of());
		}
		comparison.compare("max-ack-pending", (int) current.getMaxAckPending(), definition.getMaxAckPending());
		return comparison.differences();
	}

}
