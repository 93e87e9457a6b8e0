package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import io.github.natsboot.jetstream.StreamDefinition.Discard;
import io.github.natsboot.jetstream.StreamDefinition.Retention;
import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.nats.client.api.StreamConfiguration;

/**
 * Turns a {@link StreamDefinition} into the jnats configuration that creates or updates
 * its stream, and compares it with the server's configuration. Only the settings a
 * definition sets are applied and compared: server defaults never count as a
 * difference.
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

	static List<FieldDifference> compare(StreamDefinition definition, StreamConfiguration current,
			ServerCapabilities server) {
		Comparison comparison = new Comparison();
		List<String> subjects = definition.getSubjects();
		if (subjects != null && !new HashSet<>(subjects).equals(new HashSet<>(current.getSubjects()))) {
			comparison.add("subjects", current.getSubjects(), subjects);
		}
		Storage storage = Storage.of(current.getStorageType());
		comparison.compare("storage", storage, definition.getStorage(), true);
		Retention retention = Retention.of(current.getRetentionPolicy());
		if (definition.getRetention() != null && definition.getRetention() != retention) {
			comparison.add("retention", retention, definition.getRetention(),
					!server.canChangeRetention(retention, definition.getRetention()));
		}
		comparison.compare("max-age", current.getMaxAge(), definition.getMaxAge());
		comparison.compare("max-bytes", current.getMaxBytes(), definition.getMaxBytes());
		comparison.compare("max-msgs", current.getMaxMsgs(), definition.getMaxMsgs());
		comparison.compare("max-msg-size", current.getMaxMsgSize(), definition.getMaxMsgSize());
		comparison.compare("replicas", current.getReplicas(), definition.getReplicas());
		comparison.compare("discard", Discard.of(current.getDiscardPolicy()), definition.getDiscard());
		comparison.compare("duplicate-window", current.getDuplicateWindow(), definition.getDuplicateWindow());
		comparison.compareDescription(current.getDescription(), definition.getDescription());
		return comparison.differences();
	}

}
