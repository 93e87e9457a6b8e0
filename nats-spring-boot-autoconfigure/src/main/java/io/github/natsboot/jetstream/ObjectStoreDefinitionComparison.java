package io.github.natsboot.jetstream;

import java.util.List;

import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.nats.client.api.ObjectStoreStatus;

/**
 * Compares an {@link ObjectStoreDefinition} with the status of its bucket on the server:
 * the settings the definition sets that differ, and whether the server can change each
 * of them on the existing bucket (storage never changes).
 */
final class ObjectStoreDefinitionComparison {

	private ObjectStoreDefinitionComparison() {
	}

	static List<FieldDifference> compare(ObjectStoreDefinition definition, ObjectStoreStatus current) {
		Comparison comparison = new Comparison();
		comparison.compare("ttl", current.getTtl(), definition.getTtl());
		comparison.compareConstant("storage", current.getStorageType(), definition.getStorage(),
				Storage::toStorageType, true);
		comparison.compare("replicas", current.getReplicas(), definition.getReplicas());
		comparison.compare("max-bytes", current.getMaxBucketSize(), definition.getMaxBytes());
		comparison.compareDescription(current.getDescription(), definition.getDescription());
		comparison.compare("compression", current.isCompressed(), definition.getCompression());
		return comparison.differences();
	}

}
