package io.github.natsboot.jetstream;

import java.time.Duration;

import io.nats.client.api.StreamConfiguration;

/**
 * Turns a {@link StreamDefinition} into the jnats configuration that creates or updates
 * its stream. Only the settings a definition sets are applied: the others keep the
 * server's default or the existing stream's value.
 */
final class StreamConfigurations {

	private StreamConfigurations() {
	}

	static StreamConfiguration forCreate(StreamDefinition definition) {
		return apply(definition, StreamConfiguration.builder().name(definition.getName())).build();
	}

	/**
	 * Return the configuration that updates a stream: the server's configuration with the
	 * definition's settings applied. A duplicate window the definition does not set is
	 * reset to the server's default when it would exceed a shorter maximum age.
	 */
	static StreamConfiguration forUpdate(StreamDefinition definition, StreamConfiguration current) {
		StreamConfiguration.Builder builder = apply(definition, StreamConfiguration.builder(current));
		Duration maxAge = definition.getMaxAge();
		if (definition.getDuplicateWindow() == null && maxAge != null && !maxAge.isZero()
				&& current.getDuplicateWindow() != null && current.getDuplicateWindow().compareTo(maxAge) > 0) {
			builder.duplicateWindow(Duration.ZERO);
		}
		return builder.build();
	}

	private static StreamConfiguration.Builder apply(StreamDefinition definition, StreamConfiguration.Builder builder) {
		if (definition.getSubjects() != null) {
			builder.subjects(definition.getSubjects());
		}
		if (definition.getStorage() != null) {
			builder.storageType(definition.getStorage().toStorageType());
		}
		if (definition.getRetention() != null) {
			builder.retentionPolicy(definition.getRetention().toRetentionPolicy());
		}
		if (definition.getMaxAge() != null) {
			builder.maxAge(definition.getMaxAge());
		}
		if (definition.getMaxBytes() != null) {
			builder.maxBytes(definition.getMaxBytes());
		}
		if (definition.getMaxMsgs() != null) {
			builder.maxMessages(definition.getMaxMsgs());
		}
		if (definition.getMaxMsgSize() != null) {
			builder.maxMsgSize(definition.getMaxMsgSize());
		}
		if (definition.getReplicas() != null) {
			builder.replicas(definition.getReplicas());
		}
		if (definition.getDiscard() != null) {
			builder.discardPolicy(definition.getDiscard().toDiscardPolicy());
		}
		if (definition.getDuplicateWindow() != null) {
			builder.duplicateWindow(definition.getDuplicateWindow());
		}
		if (definition.getDescription() != null) {
			builder.description(definition.getDescription().isEmpty() ? null : definition.getDescription());
		}
		return builder;
	}

}
