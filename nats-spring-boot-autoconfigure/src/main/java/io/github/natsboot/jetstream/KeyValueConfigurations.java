package io.github.natsboot.jetstream;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;

/**
 * Turns a {@link KeyValueDefinition} into the jnats configuration that creates or
 * updates its bucket. Only the settings a definition sets are applied.
 */
final class KeyValueConfigurations {

	private KeyValueConfigurations() {
	}

	static KeyValueConfiguration forCreate(KeyValueDefinition definition) {
		return apply(definition, KeyValueConfiguration.builder().name(definition.getBucket())).build();
	}

	/**
	 * Return the configuration that updates a bucket. The time to live is always set
	 * again: a jnats builder copied from an existing configuration forgets it and would
	 * compute a two minute duplicate window, which the server rejects for a shorter time
	 * to live.
	 */
	static KeyValueConfiguration forUpdate(KeyValueDefinition definition, KeyValueStatus current) {
		KeyValueConfiguration.Builder builder = KeyValueConfiguration.builder(current.getConfiguration())
			.ttl(current.getTtl());
		return apply(definition, builder).build();
	}

	private static KeyValueConfiguration.Builder apply(KeyValueDefinition definition,
			KeyValueConfiguration.Builder builder) {
		if (definition.getTtl() != null) {
			builder.ttl(definition.getTtl());
		}
		if (definition.getHistory() != null) {
			builder.maxHistoryPerKey(definition.getHistory());
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
		if (definition.getDescription() != null) {
			builder.description(definition.getDescription().isEmpty() ? null : definition.getDescription());
		}
		return builder;
	}

}
