package io.github.natsboot.jetstream;

import java.util.List;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.Source;

/**
 * Turns a {@link KeyValueDefinition} into the jnats configuration that creates or
 * updates its bucket. Only the settings a definition sets are applied. Mirrors and
 * sources name buckets: their streams are the buckets' ({@code KV_<bucket>}), and the
 * keys of a source bucket are rewritten into this bucket's subjects.
 */
final class KeyValueConfigurations {

	static final String STREAM_PREFIX = "KV_";

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
		KeyValueConfiguration configuration = current.getConfiguration();
		KeyValueConfiguration.Builder builder = KeyValueConfiguration.builder(configuration).ttl(current.getTtl());
		if (configuration.getMirror() != null) {
			builder.mirror(configuration.getMirror());
		}
		if (configuration.getSources() != null && !configuration.getSources().isEmpty()) {
			builder.sources(configuration.getSources());
		}
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
		if (definition.getMaxValueSize() != null) {
			builder.maxValueSize(definition.getMaxValueSize());
		}
		if (definition.getCompression() != null) {
			builder.compression(definition.getCompression());
		}
		if (definition.getMetadata() != null) {
			builder.metadata(definition.getMetadata());
		}
		if (definition.getMirror() != null) {
			builder.mirror(definition.getMirror().withName(STREAM_PREFIX + definition.getMirror().name()).toMirror());
		}
		if (definition.getSources() != null) {
			builder.sources(definition.getSources().stream().map((source) -> toSource(definition, source)).toList());
		}
		return builder;
	}

	private static Source toSource(KeyValueDefinition definition, StreamSource source) {
		StreamSource bucketSource = source.withName(STREAM_PREFIX + source.name());
		if (!source.name().equals(definition.getBucket())) {
			bucketSource = bucketSource.withSubjectTransforms(
					new SubjectTransform(keys(source.name()), keys(definition.getBucket())));
		}
		return bucketSource.toSource();
	}

	/**
	 * Return the subjects of a bucket's keys, such as {@code $KV.carts.>}.
	 */
	static String keys(String bucket) {
		return "$KV." + bucket + ".>";
	}

	/**
	 * Return the server's mirror or sources of a bucket in the terms of a definition:
	 * bucket names, without the key rewrite the definition implies.
	 */
	static List<StreamSource> bucketSources(List<StreamSource> sources) {
		return sources.stream().map(KeyValueConfigurations::bucketSource).toList();
	}

	static StreamSource bucketSource(StreamSource source) {
		if (source == null) {
			return null;
		}
		String name = source.name().startsWith(STREAM_PREFIX) ? source.name().substring(STREAM_PREFIX.length())
				: source.name();
		return new StreamSource(name, source.filterSubject(), source.startSeq(), source.startTime(), List.of(),
				source.apiPrefix(), source.deliverPrefix());
	}

}
