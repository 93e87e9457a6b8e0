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

	/**
	 * Return the configuration that creates a stream. The server creates no stream
	 * sealed: a definition that seals its stream is applied again with
	 * {@link #forUpdate} once the stream exists.
	 */
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
		if (Boolean.TRUE.equals(definition.getSealed())) {
			builder.seal();
		}
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
		if (definition.getMaxMsgsPerSubject() != null) {
			builder.maxMessagesPerSubject(definition.getMaxMsgsPerSubject());
		}
		if (definition.getMaxConsumers() != null) {
			builder.maxConsumers(definition.getMaxConsumers());
		}
		if (definition.getNoAck() != null) {
			builder.noAck(definition.getNoAck());
		}
		if (definition.getDenyDelete() != null) {
			builder.denyDelete(definition.getDenyDelete());
		}
		if (definition.getDenyPurge() != null) {
			builder.denyPurge(definition.getDenyPurge());
		}
		if (definition.getAllowRollup() != null) {
			builder.allowRollup(definition.getAllowRollup());
		}
		if (definition.getAllowDirect() != null) {
			builder.allowDirect(definition.getAllowDirect());
		}
		if (definition.getAllowMsgTtl() != null) {
			builder.allowMessageTtl(definition.getAllowMsgTtl());
		}
		if (definition.getMirror() != null) {
			builder.mirror(definition.getMirror().toMirror());
		}
		if (definition.getSources() != null) {
			builder.sources(definition.getSources().stream().map(StreamSource::toSource).toList());
		}
		if (definition.getSubjectTransform() != null) {
			builder.subjectTransform(definition.getSubjectTransform().toSubjectTransform());
		}
		if (definition.getCompression() != null) {
			builder.compressionOption(definition.getCompression().toCompressionOption());
		}
		if (definition.getFirstSequence() != null) {
			builder.firstSequence(definition.getFirstSequence());
		}
		if (definition.getMetadata() != null) {
			builder.metadata(definition.getMetadata());
		}
		return builder;
	}

}
