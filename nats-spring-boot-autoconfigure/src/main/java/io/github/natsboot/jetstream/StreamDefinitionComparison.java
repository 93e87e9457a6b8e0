package io.github.natsboot.jetstream;

import java.util.List;

import io.github.natsboot.jetstream.StreamDefinition.Compression;
import io.github.natsboot.jetstream.StreamDefinition.Discard;
import io.github.natsboot.jetstream.StreamDefinition.Retention;
import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.nats.client.api.CompressionOption;
import io.nats.client.api.StreamConfiguration;

/**
 * Compares a {@link StreamDefinition} with the server's configuration of its stream:
 * the settings the definition sets that differ, and whether the server can change each
 * of them on the existing stream. Storage, max-consumers, the mirror, first-sequence and
 * allow-msg-ttl never change; deny-delete, deny-purge and sealed turn on but never off;
 * retention changes as far as the server's version allows.
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
		comparison.compare("max-msgs-per-subject", current.getMaxMsgsPerSubject(), definition.getMaxMsgsPerSubject());
		comparison.compare("max-consumers", (int) current.getMaxConsumers(), definition.getMaxConsumers(), true);
		comparison.compare("no-ack", current.getNoAck(), definition.getNoAck());
		comparison.compareOneWaySwitch("deny-delete", current.getDenyDelete(), definition.getDenyDelete());
		comparison.compareOneWaySwitch("deny-purge", current.getDenyPurge(), definition.getDenyPurge());
		comparison.compare("allow-rollup", current.getAllowRollup(), definition.getAllowRollup());
		comparison.compare("allow-direct", current.getAllowDirect(), definition.getAllowDirect());
		comparison.compareOneWaySwitch("sealed", current.getSealed(), definition.getSealed());
		comparison.compare("allow-msg-ttl", current.getAllowMessageTtl(), definition.getAllowMsgTtl(), true);
		comparison.compare("mirror", StreamSource.of(current.getMirror()), definition.getMirror(), true);
		comparison.compareSources("sources", StreamSource.of(current.getSources()), definition.getSources());
		comparison.compare("subject-transform", SubjectTransform.of(current.getSubjectTransform()),
				definition.getSubjectTransform());
		CompressionOption compression = (current.getCompressionOption() != null) ? current.getCompressionOption()
				: CompressionOption.None;
		comparison.compareConstant("compression", compression, definition.getCompression(),
				Compression::toCompressionOption, false);
		comparison.compare("first-sequence", current.getFirstSequence(), definition.getFirstSequence(), true);
		comparison.compareMetadata(current.getMetadata(), definition.getMetadata());
		return comparison.differences();
	}

}
