package io.github.natsboot.jetstream;

import java.util.List;

import io.github.natsboot.jetstream.StreamDefinition.Discard;
import io.github.natsboot.jetstream.StreamDefinition.Retention;
import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.nats.client.api.StreamConfiguration;

/**
 * Compares a {@link StreamDefinition} with the server's configuration of its stream:
 * the settings the definition sets that differ, and whether the server can change each
 * of them on the existing stream. Storage never changes; retention changes as far as
 * the server's version allows.
 */
final class StreamDefinitionComparison {

	private StreamDefinitionComparison() {
	}

	static List<FieldDifference> compare(StreamDefinition definition, StreamConfiguration current,
			ServerCapabilities server) {
		Comparison comparison = new Comparison();
		comparison.compareSubjects("subjects", current.getSubjects(), definition.getSubjects());
		comparison.compareConstant("storage", current.getStorageType(), definition.getStorage(),
				Storage::toStorageType, true);
		Retention retention = Comparison.constantFor(Retention.class, Retention::toRetentionPolicy,
				current.getRetentionPolicy());
		comparison.compare("retention", retention, definition.getRetention(),
				!server.canChangeRetention(retention, definition.getRetention()));
		comparison.compare("max-age", current.getMaxAge(), definition.getMaxAge());
		comparison.compare("max-bytes", current.getMaxBytes(), definition.getMaxBytes());
		comparison.compare("max-msgs", current.getMaxMsgs(), definition.getMaxMsgs());
		comparison.compare("max-msg-size", current.getMaxMsgSize(), definition.getMaxMsgSize());
		comparison.compare("replicas", current.getReplicas(), definition.getReplicas());
		comparison.compareConstant("discard", current.getDiscardPolicy(), definition.getDiscard(),
				Discard::toDiscardPolicy, false);
		comparison.compare("duplicate-window", current.getDuplicateWindow(), definition.getDuplicateWindow());
		comparison.compareDescription(current.getDescription(), definition.getDescription());
		return comparison.differences();
	}

}
