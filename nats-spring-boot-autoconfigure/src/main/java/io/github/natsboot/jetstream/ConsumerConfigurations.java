package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.nats.client.api.ConsumerConfiguration;

/**
 * Turns a {@link ConsumerDefinition} into the jnats configuration that creates or
 * updates its durable consumer. Only the settings a definition sets are applied, with
 * one exception: the server replaces the acknowledgement wait with the first backoff
 * entry, so a definition that sets an acknowledgement wait and no backoff removes the
 * server's backoff.
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
		if (definition.getInactiveThreshold() != null) {
			builder.inactiveThreshold(definition.getInactiveThreshold());
		}
		if (definition.getMaxWaiting() != null) {
			builder.maxPullWaiting(definition.getMaxWaiting());
		}
		if (definition.getMaxBatch() != null) {
			builder.maxBatch(definition.getMaxBatch());
		}
		if (definition.getMaxExpires() != null) {
			builder.maxExpires(definition.getMaxExpires());
		}
		if (definition.getHeadersOnly() != null) {
			builder.headersOnly(definition.getHeadersOnly());
		}
		if (definition.getSampleFrequency() != null) {
			builder.sampleFrequency(definition.getSampleFrequency());
		}
		if (definition.getRateLimit() != null) {
			builder.rateLimit(definition.getRateLimit());
		}
		if (definition.getDeliverSubject() != null) {
			builder.deliverSubject(definition.getDeliverSubject());
		}
		if (definition.getDeliverGroup() != null) {
			builder.deliverGroup(definition.getDeliverGroup());
		}
		if (definition.getReplicas() != null) {
			builder.numReplicas(definition.getReplicas());
		}
		if (definition.getMemStorage() != null) {
			builder.memStorage(definition.getMemStorage());
		}
		if (definition.getMetadata() != null) {
			builder.metadata(definition.getMetadata());
		}
		if (definition.getPauseUntil() != null) {
			builder.pauseUntil(ZonedDateTime.ofInstant(definition.getPauseUntil(), ZoneOffset.UTC));
		}
		if (definition.getPriorityGroups() != null) {
			builder.priorityGroups(definition.getPriorityGroups());
		}
		if (definition.getPriorityPolicy() != null) {
			builder.priorityPolicy(definition.getPriorityPolicy().toPriorityPolicy());
		}
		return builder;
	}

}
