package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;

import org.springframework.util.Assert;

/**
 * The desired configuration of a JetStream stream and of the durable consumers that
 * belong to it, provisioned by {@link JetStreamAdmin}. Every setting is optional: a
 * setting that is not set ({@code null}) keeps the server's default on creation and is
 * left alone on an existing stream.
 *
 * <pre class="code">
 * &#64;Bean
 * StreamDefinition ordersStream() {
 *     return StreamDefinition.builder("orders")
 *         .subjects("orders.&gt;")
 *         .maxAge(Duration.ofDays(7))
 *         .consumer("billing", (consumer) -&gt; consumer.maxDeliver(5))
 *         .build();
 * }
 * </pre>
 */
public final class StreamDefinition implements JetStreamDefinition {

	private final String name;

	private final List<String> subjects;

	private final Storage storage;

	private final Retention retention;

	private final Duration maxAge;

	private final Long maxBytes;

	private final Long maxMsgs;

	private final Long maxMsgSize;

	private final Integer replicas;

	private final Discard discard;

	private final Duration duplicateWindow;

	private final String description;

	private final List<ConsumerDefinition> consumers;

	private StreamDefinition(Builder builder) {
		this.name = builder.name;
		this.subjects = (builder.subjects != null) ? List.copyOf(builder.subjects) : null;
		this.storage = builder.storage;
		this.retention = builder.retention;
		this.maxAge = builder.maxAge;
		this.maxBytes = builder.maxBytes;
		this.maxMsgs = builder.maxMsgs;
		this.maxMsgSize = builder.maxMsgSize;
		this.replicas = builder.replicas;
		this.discard = builder.discard;
		this.duplicateWindow = builder.duplicateWindow;
		this.description = builder.description;
		this.consumers = List.copyOf(builder.consumers);
	}

	/**
	 * Return a builder for a stream.
	 * @param name the stream name
	 * @return a new builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Return the stream name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the subjects the stream captures, wildcards allowed.
	 * @return the subjects, or {@code null} for the server's default (the stream name)
	 */
	public List<String> getSubjects() {
		return this.subjects;
	}

	/**
	 * Return where messages are stored.
	 * @return the storage, or {@code null} for the server's default (file)
	 */
	public Storage getStorage() {
		return this.storage;
	}

	/**
	 * Return when messages are removed.
	 * @return the retention, or {@code null} for the server's default (limits)
	 */
	public Retention getRetention() {
		return this.retention;
	}

	/**
	 * Return the maximum age of messages; zero keeps them forever.
	 * @return the maximum age, or {@code null} for the server's default (forever)
	 */
	public Duration getMaxAge() {
		return this.maxAge;
	}

	/**
	 * Return the maximum size of the stream in bytes; {@code -1} is unlimited.
	 * @return the maximum size, or {@code null} for the server's default (unlimited)
	 */
	public Long getMaxBytes() {
		return this.maxBytes;
	}

	/**
	 * Return the maximum number of messages; {@code -1} is unlimited.
	 * @return the maximum number of messages, or {@code null} for the server's default
	 * (unlimited)
	 */
	public Long getMaxMsgs() {
		return this.maxMsgs;
	}

	/**
	 * Return the maximum size of one message in bytes; {@code -1} is unlimited.
	 * @return the maximum message size, or {@code null} for the server's default
	 * (unlimited within the server's max_payload)
	 */
	public Long getMaxMsgSize() {
		return this.maxMsgSize;
	}

	/**
	 * Return the number of replicas, 1 to 5.
	 * @return the number of replicas, or {@code null} for the server's default (1)
	 */
	public Integer getReplicas() {
		return this.replicas;
	}

	/**
	 * Return which messages are discarded when a limit is reached.
	 * @return the discard policy, or {@code null} for the server's default (old)
	 */
	public Discard getDiscard() {
		return this.discard;
	}

	/**
	 * Return the window in which a {@code Nats-Msg-Id} is remembered to drop duplicates.
	 * @return the duplicate window, or {@code null} for the server's default (2 minutes,
	 * or the maximum age when it is shorter)
	 */
	public Duration getDuplicateWindow() {
		return this.duplicateWindow;
	}

	/**
	 * Return the description shown by monitoring tools.
	 * @return the description, or {@code null}
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Return the durable consumers of this stream.
	 * @return the consumers, possibly empty
	 */
	public List<ConsumerDefinition> getConsumers() {
		return this.consumers;
	}

	@Override
	public String getPath() {
		return "streams." + this.name;
	}

	@Override
	public String describe() {
		return "stream '" + this.name + "'";
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof StreamDefinition that)) {
			return false;
		}
		return this.name.equals(that.name) && Objects.equals(this.subjects, that.subjects)
				&& this.storage == that.storage && this.retention == that.retention
				&& Objects.equals(this.maxAge, that.maxAge) && Objects.equals(this.maxBytes, that.maxBytes)
				&& Objects.equals(this.maxMsgs, that.maxMsgs) && Objects.equals(this.maxMsgSize, that.maxMsgSize)
				&& Objects.equals(this.replicas, that.replicas) && this.discard == that.discard
				&& Objects.equals(this.duplicateWindow, that.duplicateWindow)
				&& Objects.equals(this.description, that.description) && this.consumers.equals(that.consumers);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.subjects, this.storage, this.retention, this.maxAge, this.maxBytes,
				this.maxMsgs, this.maxMsgSize, this.replicas, this.discard, this.duplicateWindow, this.description,
				this.consumers);
	}

	@Override
	public String toString() {
		return "StreamDefinition[name=" + this.name + ", subjects=" + this.subjects + ", storage=" + this.storage
				+ ", retention=" + this.retention + ", maxAge=" + this.maxAge + ", maxBytes=" + this.maxBytes
				+ ", maxMsgs=" + this.maxMsgs + ", maxMsgSize=" + this.maxMsgSize + ", replicas=" + this.replicas
				+ ", discard=" + this.discard + ", duplicateWindow=" + this.duplicateWindow + ", description="
				+ this.description + ", consumers=" + this.consumers + "]";
	}

	/**
	 * Where a stream stores its messages. It cannot be changed on an existing stream.
	 */
	public enum Storage {

		/**
		 * On disk: messages survive a server restart.
		 */
		FILE(StorageType.File),

		/**
		 * In memory: faster, lost when the server stops.
		 */
		MEMORY(StorageType.Memory);

		private final StorageType storageType;

		Storage(StorageType storageType) {
			this.storageType = storageType;
		}

		StorageType toStorageType() {
			return this.storageType;
		}

	}

	/**
	 * When a stream removes messages, besides its limits.
	 */
	public enum Retention {

		/**
		 * Messages are kept until a limit (age, size, count) removes them.
		 */
		LIMITS(RetentionPolicy.Limits),

		/**
		 * Messages are removed once every consumer interested in them has acknowledged
		 * them.
		 */
		INTEREST(RetentionPolicy.Interest),

		/**
		 * Each message is removed once one consumer has acknowledged it; consumers must
		 * not overlap.
		 */
		WORK_QUEUE(RetentionPolicy.WorkQueue);

		private final RetentionPolicy retentionPolicy;

		Retention(RetentionPolicy retentionPolicy) {
			this.retentionPolicy = retentionPolicy;
		}

		RetentionPolicy toRetentionPolicy() {
			return this.retentionPolicy;
		}

	}

	/**
	 * Which messages a stream discards when it reaches a limit.
	 */
	public enum Discard {

		/**
		 * The oldest messages are removed to make room.
		 */
		OLD(DiscardPolicy.Old),

		/**
		 * New messages are rejected.
		 */
		NEW(DiscardPolicy.New);

		private final DiscardPolicy discardPolicy;

		Discard(DiscardPolicy discardPolicy) {
			this.discardPolicy = discardPolicy;
		}

		DiscardPolicy toDiscardPolicy() {
			return this.discardPolicy;
		}

	}

	/**
	 * Builds a {@link StreamDefinition}.
	 */
	public static final class Builder {

		private final String name;

		private List<String> subjects;

		private Storage storage;

		private Retention retention;

		private Duration maxAge;

		private Long maxBytes;

		private Long maxMsgs;

		private Long maxMsgSize;

		private Integer replicas;

		private Discard discard;

		private Duration duplicateWindow;

		private String description;

		private final List<ConsumerDefinition> consumers = new ArrayList<>();

		private Builder(String name) {
			Assert.hasText(name, "A stream name is required");
			this.name = name;
		}

		/**
		 * Set the subjects the stream captures.
		 * @param subjects subjects, wildcards allowed
		 * @return this builder
		 */
		public Builder subjects(String... subjects) {
			return subjects(Arrays.asList(subjects));
		}

		/**
		 * Set the subjects the stream captures.
		 * @param subjects subjects, wildcards allowed; {@code null} for the server's
		 * default
		 * @return this builder
		 */
		public Builder subjects(Collection<String> subjects) {
			this.subjects = (subjects != null) ? new ArrayList<>(subjects) : null;
			return this;
		}

		/**
		 * Set where messages are stored.
		 * @param storage the storage
		 * @return this builder
		 */
		public Builder storage(Storage storage) {
			this.storage = storage;
			return this;
		}

		/**
		 * Set when messages are removed.
		 * @param retention the retention
		 * @return this builder
		 */
		public Builder retention(Retention retention) {
			this.retention = retention;
			return this;
		}

		/**
		 * Set the maximum age of messages.
		 * @param maxAge the maximum age; zero keeps messages forever
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			this.maxAge = maxAge;
			return this;
		}

		/**
		 * Set the maximum size of the stream.
		 * @param maxBytes the maximum size in bytes, or {@code -1} for unlimited
		 * @return this builder
		 */
		public Builder maxBytes(long maxBytes) {
			this.maxBytes = maxBytes;
			return this;
		}

		/**
		 * Set the maximum number of messages.
		 * @param maxMsgs the maximum number, or {@code -1} for unlimited
		 * @return this builder
		 */
		public Builder maxMsgs(long maxMsgs) {
			this.maxMsgs = maxMsgs;
			return this;
		}

		/**
		 * Set the maximum size of one message.
		 * @param maxMsgSize the maximum size in bytes, or {@code -1} for unlimited
		 * @return this builder
		 */
		public Builder maxMsgSize(long maxMsgSize) {
			this.maxMsgSize = maxMsgSize;
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
		 * Set which messages are discarded when a limit is reached.
		 * @param discard the discard policy
		 * @return this builder
		 */
		public Builder discard(Discard discard) {
			this.discard = discard;
			return this;
		}

		/**
		 * Set the window in which duplicate {@code Nats-Msg-Id}s are dropped.
		 * @param duplicateWindow the window, at most the maximum age
		 * @return this builder
		 */
		public Builder duplicateWindow(Duration duplicateWindow) {
			this.duplicateWindow = duplicateWindow;
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
		 * Add a durable consumer of this stream.
		 * @param consumer the consumer, whose stream must be this one
		 * @return this builder
		 */
		public Builder consumer(ConsumerDefinition consumer) {
			Assert.notNull(consumer, "Consumer must not be null");
			Assert.isTrue(consumer.getStream().equals(this.name), () -> "Consumer '" + consumer.getDurable()
					+ "' belongs to stream '" + consumer.getStream() + "', not to stream '" + this.name + "'");
			this.consumers.add(consumer);
			return this;
		}

		/**
		 * Add a durable consumer of this stream.
		 * @param durable the durable name of the consumer
		 * @param customizer sets the consumer's settings
		 * @return this builder
		 */
		public Builder consumer(String durable, Consumer<ConsumerDefinition.Builder> customizer) {
			ConsumerDefinition.Builder consumer = ConsumerDefinition.builder(this.name, durable);
			customizer.accept(consumer);
			return consumer(consumer.build());
		}

		/**
		 * Build the definition.
		 * @return the stream definition
		 */
		public StreamDefinition build() {
			return new StreamDefinition(this);
		}

	}

}
