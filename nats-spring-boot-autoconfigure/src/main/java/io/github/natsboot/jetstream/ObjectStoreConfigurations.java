package io.github.natsboot.jetstream;

import io.nats.client.api.CompressionOption;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StreamConfiguration;

/**
 * Turns an {@link ObjectStoreDefinition} into the jnats configuration that creates its
 * bucket, or into the configuration of its backing stream that updates it (jnats has no
 * update for object stores). Only the settings a definition sets are applied.
 */
final class ObjectStoreConfigurations {

	private ObjectStoreConfigurations() {
	}

	static ObjectStoreConfiguration forCreate(ObjectStoreDefinition definition) {
		ObjectStoreConfiguration.Builder builder = ObjectStoreConfiguration.builder(definition.getBucket());
		if (definition.getTtl() != null) {
			builder.ttl(definition.getTtl());
		}
		if (definition.getStorage() != null) {
			builder.storageType(definition.getStorage().toStorageType());
		}
		if (definition.getReplicas() != null) {
			builder.replicas(definition.getReplicas());
		}
		if (definition.getMaxBytes() != null) {
			builder.maxBucketSize(definition.getMaxBytes());
		}
		if (definition.getDescription() != null && !definition.getDescription().isEmpty()) {
			builder.description(definition.getDescription());
		}
		if (definition.getCompression() != null) {
			builder.compression(definition.getCompression());
		}
		return builder.build();
	}

	/**
	 * Return the configuration of the bucket's stream with the definition's settings
	 * applied, everything else as the server has it.
	 */
	static StreamConfiguration forUpdate(ObjectStoreDefinition definition, ObjectStoreStatus current) {
		StreamConfiguration.Builder builder = StreamConfiguration
			.builder(current.getBackingStreamInfo().getConfiguration());
		if (definition.getTtl() != null) {
			builder.maxAge(definition.getTtl());
		}
		if (definition.getReplicas() != null) {
			builder.replicas(definition.getReplicas());
		}
		if (definition.getMaxBytes() != null) {
			builder.maxBytes(definition.getMaxBytes());
		}
		if (definition.getDescription() != null) {
			builder.description(definition.getDescription().isEmpty() ? null : definition.getDescription());
		}
		if (definition.getCompression() != null) {
			builder.compressionOption(definition.getCompression() ? CompressionOption.S2 : CompressionOption.None);
		}
		return builder.build();
	}

}
