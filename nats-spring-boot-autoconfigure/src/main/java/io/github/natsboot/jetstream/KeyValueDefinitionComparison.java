package io.github.natsboot.jetstream;

import java.util.List;

import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;

/**
 * Compares a {@link KeyValueDefinition} with the status of its bucket on the server:
 * the settings the definition sets that differ, and whether the server can change each
 * of them on the existing bucket (storage and the mirror never change).
 */
final class KeyValueDefinitionComparison {

	private KeyValueDefinitionComparison() {
	}

	static List<FieldDifference> compare(KeyValueDefinition definition, KeyValueStatus current) {
		Comparison comparison = new Comparison();
		comparison.compare("ttl", current.getTtl(), definition.getTtl());
		comparison.compare("history", (int) current.getMaxHistoryPerKey(), definition.getHistory());
		comparison.compareConstant("storage", current.getStorageType(), definition.getStorage(),
				Storage::toStorageType, true);
		comparison.compare("replicas", current.getReplicas(), definition.getReplicas());
		comparison.compare("max-bytes", current.getMaxBucketSize(), definition.getMaxBytes());
		comparison.compareDescription(current.getDescription(), definition.getDescription());
		comparison.compare("max-value-size", current.getMaxValueSize(), definition.getMaxValueSize());
		comparison.compare("compression", current.isCompressed(), definition.getCompression());
		comparison.compareMetadata(current.getMetadata(), definition.getMetadata());
		KeyValueConfiguration configuration = current.getConfiguration();
		comparison.compare("mirror", KeyValueConfigurations.bucketSource(StreamSource.of(configuration.getMirror())),
				definition.getMirror(), true);
		comparison.compareSources("sources",
				KeyValueConfigurations.bucketSources(StreamSource.of(configuration.getSources())),
				definition.getSources());
		return comparison.differences();
	}

}
