package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.Objects;

import org.springframework.util.Assert;

/**
 * The desired configuration of a JetStream object store bucket, provisioned by
 * {@link JetStreamAdmin}. Every setting is optional: a setting that is not set
 * ({@code null}) keeps the server's default on creation and is left alone on an existing
 * bucket.
 */
public final class ObjectStoreDefinition implements JetStreamDefinition {

	private final String bucket;

	private final Duration ttl;

	private final StreamDefinition.Storage storage;

	private final Integer replicas;

	private final Long maxBytes;

	private final String description;

	private final Boolean compression;

	private ObjectStoreDefinition(Builder builder) {
		this.bucket = builder.bucket;
		this.ttl = builder.ttl;
		this.storage = builder.storage;
		this.replicas = builder.replicas;
		this.maxBytes = builder.maxBytes;
		this.description = builder.description;
		this.compression = builder.compression;
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
	 * Return how long an object is kept after it was written; zero keeps objects forever.
	 * @return the time to live, or {@code null} for the server's default (forever)
	 */
	public Duration getTtl() {
		return this.ttl;
	}

	/**
	 * Return where objects are stored.
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
	 * Return whether the server compresses the stored chunks (S2); needs nats-server 2.10
	 * or later.
	 * @return whether to compress, or {@code null} for the server's default (no)
	 */
	public Boolean getCompression() {
		return this.compression;
	}

	@Override
	public String getPath() {
		return "object-stores." + this.bucket;
	}

	@Override
	public String describe() {
		return "object store '" + this.bucket + "'";
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ObjectStoreDefinition that)) {
			return false;
		}
		return this.bucket.equals(that.bucket) && Objects.equals(this.ttl, that.ttl) && this.storage == that.storage
				&& Objects.equals(this.replicas, that.replicas) && Objects.equals(this.maxBytes, that.maxBytes)
				&& Objects.equals(this.description, that.description)
				&& Objects.equals(this.compression, that.compression);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.bucket, this.ttl, this.storage, this.replicas, this.maxBytes, this.description,
				this.compression);
	}

	@Override
	public String toString() {
		return "ObjectStoreDefinition[bucket=" + this.bucket + ", ttl=" + this.ttl + ", storage=" + this.storage
				+ ", replicas=" + this.replicas + ", maxBytes=" + this.maxBytes + ", description=" + this.description
				+ ", compression=" + this.compression + "]";
	}

	/**
	 * Builds an {@link ObjectStoreDefinition}.
	 */
	public static final class Builder {

		private final String bucket;

		private Duration ttl;

		private StreamDefinition.Storage storage;

		private Integer replicas;

		private Long maxBytes;

		private String description;

		private Boolean compression;

		private Builder(String bucket) {
			Assert.hasText(bucket, "A bucket name is required");
			this.bucket = bucket;
		}

		/**
		 * Set how long an object is kept after it was written.
		 * @param ttl the time to live; zero keeps objects forever
		 * @return this builder
		 */
		public Builder ttl(Duration ttl) {
			this.ttl = ttl;
			return this;
		}

		/**
		 * Set where objects are stored.
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
		 * Set whether the server compresses the stored chunks; needs nats-server 2.10 or
		 * later.
		 * @param compression whether to compress
		 * @return this builder
		 */
		public Builder compression(boolean compression) {
			this.compression = compression;
			return this;
		}

		/**
		 * Build the definition.
		 * @return the object store definition
		 */
		public ObjectStoreDefinition build() {
			return new ObjectStoreDefinition(this);
		}

	}

}
