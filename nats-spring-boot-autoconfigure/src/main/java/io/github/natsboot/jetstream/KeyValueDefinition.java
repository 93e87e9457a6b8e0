package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * The desired configuration of a JetStream key-value bucket, provisioned by
 * {@link JetStreamAdmin}. Every setting is optional: a setting that is not set
 * ({@code null}) keeps the server's default on creation and is left alone on an existing
 * bucket.
 */
public final class KeyValueDefinition implements JetStreamDefinition {

	private final String bucket;

	private final Duration ttl;

	private final Integer history;

	private final StreamDefinition.Storage storage;

	private final Integer replicas;

	private final Long maxBytes;

	private final String description;

	private final Long maxValueSize;

	private final Boolean compression;

	private final StreamSource mirror;

	private final List<StreamSource> sources;

	private final Map<String, String> metadata;

	private KeyValueDefinition(Builder builder) {
		this.bucket = builder.bucket;
		this.ttl = builder.ttl;
		this.history = builder.history;
		this.storage = builder.storage;
		this.replicas = builder.replicas;
		this.maxBytes = builder.maxBytes;
		this.description = builder.description;
		this.maxValueSize = builder.maxValueSize;
		this.compression = builder.compression;
		this.mirror = builder.mirror;
		this.sources = (builder.sources != null) ? List.copyOf(builder.sources) : null;
		this.metadata = (builder.metadata != null) ? Map.copyOf(builder.metadata) : null;
	}

	/**
	 * Return a builder for a bucket.
	 * @param bucket the bucket name
	 * @return a new builder
	 */
	public static Builder builder(String bucket) {
		return new Builder(bucket);
	}

	/**
	 * Return the bucket name.
	 * @return the bucket name
	 */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * Return how long an entry is kept after it was written; zero keeps entries forever.
	 * @return the time to live, or {@code null} for the server's default (forever)
	 */
	public Duration getTtl() {
		return this.ttl;
	}

	/**
	 * Return how many values are kept per key, 1 to 64.
	 * @return the history, or {@code null} for the default (1)
	 */
	public Integer getHistory() {
		return this.history;
	}

	/**
	 * Return where entries are stored.
	 * @return the storage, or {@code null} for the server's default (file)
	 */
	public StreamDefinition.Storage getStorage() {
		return this.storage;
	}

	/**
	 * Return the number of replicas, 1 to 5.
	 * @return the number of replicas, or {@code null} for the server's default (1)
	 */
	public Integer getReplicas() {
		return this.replicas;
	}

	/**
	 * Return the maximum size of the bucket in bytes; {@code -1} is unlimited.
	 * @return the maximum size, or {@code null} for the server's default (unlimited)
	 */
	public Long getMaxBytes() {
		return this.maxBytes;
	}

	/**
	 * Return the description shown by monitoring tools.
	 * @return the description, or {@code null}
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Return the maximum size of one value in bytes; {@code -1} is unlimited.
	 * @return the maximum value size, or {@code null} for the server's default
	 * (unlimited within the server's max_payload)
	 */
	public Long getMaxValueSize() {
		return this.maxValueSize;
	}

	/**
	 * Return whether stored entries are compressed (nats-server 2.10 or later).
	 * @return whether entries are compressed, or {@code null} for the server's default
	 * (not compressed)
	 */
	public Boolean getCompression() {
		return this.compression;
	}

	/**
	 * Return the bucket this bucket mirrors, read-only. What it mirrors cannot be
	 * changed.
	 * @return the mirrored bucket (its name is a bucket name), or {@code null}
	 */
	public StreamSource getMirror() {
		return this.mirror;
	}

	/**
	 * Return the buckets whose entries this bucket takes (nats-server 2.10 or later:
	 * their keys are rewritten into this bucket).
	 * @return the source buckets (their names are bucket names), or {@code null} to leave
	 * the server's sources alone
	 */
	public List<StreamSource> getSources() {
		return this.sources;
	}

	/**
	 * Return the metadata of the bucket (nats-server 2.10 or later); keys starting with
	 * {@code _nats.} are the server's own and are not compared.
	 * @return the metadata, or {@code null} to leave the server's alone
	 */
	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	@Override
	public String getPath() {
		return "key-value." + this.bucket;
	}

	@Override
	public String describe() {
		return "key-value bucket '" + this.bucket + "'";
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof KeyValueDefinition that && values().equals(that.values()));
	}

	@Override
	public int hashCode() {
		return values().hashCode();
	}

	@Override
	public String toString() {
		return "KeyValueDefinition" + values();
	}

	private List<Object> values() {
		return Arrays.asList(this.bucket, this.ttl, this.history, this.storage, this.replicas, this.maxBytes,
				this.description, this.maxValueSize, this.compression, this.mirror, this.sources, this.metadata);
	}

	/**
	 * Builds a {@link KeyValueDefinition}.
	 */
	public static final class Builder {

		private final String bucket;

		private Duration ttl;

		private Integer history;

		private StreamDefinition.Storage storage;

		private Integer replicas;

		private Long maxBytes;

		private String description;

		private Long maxValueSize;

		private Boolean compression;

		private StreamSource mirror;

		private List<StreamSource> sources;

		private Map<String, String> metadata;

		private Builder(String bucket) {
			Assert.hasText(bucket, "A bucket name is required");
			this.bucket = bucket;
		}

		/**
		 * Set how long an entry is kept after it was written.
		 * @param ttl the time to live; zero keeps entries forever
		 * @return this builder
		 */
		public Builder ttl(Duration ttl) {
			this.ttl = ttl;
			return this;
		}

		/**
		 * Set how many values are kept per key.
		 * @param history 1 to 64
		 * @return this builder
		 */
		public Builder history(int history) {
			this.history = history;
			return this;
		}

		/**
		 * Set where entries are stored.
		 * @param storage the storage
		 * @return this builder
		 */
		public Builder storage(StreamDefinition.Storage storage) {
			this.storage = storage;
			return this;
		}

		/**
		 * Set the number of replicas.
		 * @param replicas 1 to 5; more than 1 needs a JetStream cluster
		 * @return this builder
		 */
		public Builder replicas(int replicas) {
			this.replicas = replicas;
			return this;
		}

		/**
		 * Set the maximum size of the bucket.
		 * @param maxBytes the maximum size in bytes, or {@code -1} for unlimited
		 * @return this builder
		 */
		public Builder maxBytes(long maxBytes) {
			this.maxBytes = maxBytes;
			return this;
		}

		/**
		 * Set the description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			this.description = description;
			return this;
		}

		/**
		 * Set the maximum size of one value.
		 * @param maxValueSize the maximum size in bytes, or {@code -1} for unlimited
		 * @return this builder
		 */
		public Builder maxValueSize(long maxValueSize) {
			this.maxValueSize = maxValueSize;
			return this;
		}

		/**
		 * Set whether stored entries are compressed (nats-server 2.10 or later).
		 * @param compression {@code true} to compress with S2
		 * @return this builder
		 */
		public Builder compression(boolean compression) {
			this.compression = compression;
			return this;
		}

		/**
		 * Make the bucket a read-only mirror of another bucket.
		 * @param mirror the mirrored bucket, by bucket name
		 * @return this builder
		 */
		public Builder mirror(StreamSource mirror) {
			this.mirror = mirror;
			return this;
		}

		/**
		 * Set the buckets whose entries this bucket takes (nats-server 2.10 or later).
		 * @param sources the source buckets, by bucket name
		 * @return this builder
		 */
		public Builder sources(StreamSource... sources) {
			return sources(Arrays.asList(sources));
		}

		/**
		 * Set the buckets whose entries this bucket takes (nats-server 2.10 or later).
		 * @param sources the source buckets, by bucket name; {@code null} to leave the
		 * server's sources alone
		 * @return this builder
		 */
		public Builder sources(Collection<StreamSource> sources) {
			this.sources = (sources != null) ? new ArrayList<>(sources) : null;
			return this;
		}

		/**
		 * Set the metadata of the bucket (nats-server 2.10 or later).
		 * @param metadata the metadata; {@code null} to leave the server's alone
		 * @return this builder
		 */
		public Builder metadata(Map<String, String> metadata) {
			this.metadata = (metadata != null) ? new LinkedHashMap<>(metadata) : null;
			return this;
		}

		/**
		 * Build the definition.
		 * @return the key-value definition
		 */
		public KeyValueDefinition build() {
			return new KeyValueDefinition(this);
		}

	}

}
