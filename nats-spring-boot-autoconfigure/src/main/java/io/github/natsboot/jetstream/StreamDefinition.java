package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.nats.client.api.CompressionOption;
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

	private final Long maxMsgsPerSubject;

	private final Integer maxConsumers;

	private final Boolean noAck;

	private final Boolean denyDelete;

	private final Boolean denyPurge;

	private final Boolean allowRollup;

	private final Boolean allowDirect;

	private final Boolean sealed;

	private final Boolean allowMsgTtl;

	private final StreamSource mirror;

	private final List<StreamSource> sources;

	private final SubjectTransform subjectTransform;

	private final Compression compression;

	private final Long firstSequence;

	private final Map<String, String> metadata;

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
		this.maxMsgsPerSubject = builder.maxMsgsPerSubject;
		this.maxConsumers = builder.maxConsumers;
		this.noAck = builder.noAck;
		this.denyDelete = builder.denyDelete;
		this.denyPurge = builder.denyPurge;
		this.allowRollup = builder.allowRollup;
		this.allowDirect = builder.allowDirect;
		this.sealed = builder.sealed;
		this.allowMsgTtl = builder.allowMsgTtl;
		this.mirror = builder.mirror;
		this.sources = (builder.sources != null) ? List.copyOf(builder.sources) : null;
		this.subjectTransform = builder.subjectTransform;
		this.compression = builder.compression;
		this.firstSequence = builder.firstSequence;
		this.metadata = (builder.metadata != null) ? Map.copyOf(builder.metadata) : null;
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
	 * Return the maximum number of messages kept per subject; {@code -1} is unlimited.
	 * @return the maximum per subject, or {@code null} for the server's default
	 * (unlimited)
	 */
	public Long getMaxMsgsPerSubject() {
		return this.maxMsgsPerSubject;
	}

	/**
	 * Return the maximum number of consumers; {@code -1} is unlimited. It cannot be
	 * changed on an existing stream.
	 * @return the maximum number of consumers, or {@code null} for the server's default
	 * (unlimited)
	 */
	public Integer getMaxConsumers() {
		return this.maxConsumers;
	}

	/**
	 * Return whether publishers get no acknowledgement when a message is stored.
	 * @return whether acknowledgements are off, or {@code null} for the server's default
	 * (they are sent)
	 */
	public Boolean getNoAck() {
		return this.noAck;
	}

	/**
	 * Return whether single messages cannot be deleted. Once on, it cannot be turned
	 * off.
	 * @return whether deleting is denied, or {@code null} for the server's default
	 * (allowed)
	 */
	public Boolean getDenyDelete() {
		return this.denyDelete;
	}

	/**
	 * Return whether the stream cannot be purged. Once on, it cannot be turned off.
	 * @return whether purging is denied, or {@code null} for the server's default
	 * (allowed)
	 */
	public Boolean getDenyPurge() {
		return this.denyPurge;
	}

	/**
	 * Return whether a message with a {@code Nats-Rollup} header may replace the
	 * messages before it.
	 * @return whether roll-ups are allowed, or {@code null} for the server's default
	 * (not allowed)
	 */
	public Boolean getAllowRollup() {
		return this.allowRollup;
	}

	/**
	 * Return whether any server holding the stream answers direct get requests.
	 * @return whether direct gets are allowed, or {@code null} for the server's default
	 * (not allowed)
	 */
	public Boolean getAllowDirect() {
		return this.allowDirect;
	}

	/**
	 * Return whether the stream is sealed: no message can be added or removed, and it
	 * cannot be unsealed. A stream is created unsealed and then sealed.
	 * @return whether the stream is sealed, or {@code null} to leave it alone
	 */
	public Boolean getSealed() {
		return this.sealed;
	}

	/**
	 * Return whether messages may carry their own time to live in a {@code Nats-TTL}
	 * header (nats-server 2.11 or later). It cannot be changed on an existing stream.
	 * @return whether per-message TTLs are allowed, or {@code null} for the server's
	 * default (not allowed)
	 */
	public Boolean getAllowMsgTtl() {
		return this.allowMsgTtl;
	}

	/**
	 * Return the stream this stream mirrors. A mirror has no subjects and no sources, and
	 * what it mirrors cannot be changed.
	 * @return the mirrored stream, or {@code null}
	 */
	public StreamSource getMirror() {
		return this.mirror;
	}

	/**
	 * Return the streams this stream takes messages from, besides its own subjects.
	 * @return the sources, or {@code null} to leave the server's sources alone
	 */
	public List<StreamSource> getSources() {
		return this.sources;
	}

	/**
	 * Return how the subjects of incoming messages are rewritten before they are stored
	 * (nats-server 2.10 or later).
	 * @return the transform, or {@code null}
	 */
	public SubjectTransform getSubjectTransform() {
		return this.subjectTransform;
	}

	/**
	 * Return how stored messages are compressed (nats-server 2.10 or later).
	 * @return the compression, or {@code null} for the server's default (none)
	 */
	public Compression getCompression() {
		return this.compression;
	}

	/**
	 * Return the sequence of the stream's first message (nats-server 2.10 or later). It
	 * is set when the stream is created.
	 * @return the first sequence, or {@code null} for the server's default (1)
	 */
	public Long getFirstSequence() {
		return this.firstSequence;
	}

	/**
	 * Return the metadata of the stream (nats-server 2.10 or later); keys starting with
	 * {@code _nats.} are the server's own and are not compared.
	 * @return the metadata, or {@code null} to leave the server's alone
	 */
	public Map<String, String> getMetadata() {
		return this.metadata;
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
		return this == other || (other instanceof StreamDefinition that && values().equals(that.values()));
	}

	@Override
	public int hashCode() {
		return values().hashCode();
	}

	@Override
	public String toString() {
		return "StreamDefinition" + values();
	}

	private List<Object> values() {
		return Arrays.asList(this.name, this.subjects, this.storage, this.retention, this.maxAge, this.maxBytes,
				this.maxMsgs, this.maxMsgSize, this.replicas, this.discard, this.duplicateWindow, this.description,
				this.maxMsgsPerSubject, this.maxConsumers, this.noAck, this.denyDelete, this.denyPurge,
				this.allowRollup, this.allowDirect, this.sealed, this.allowMsgTtl, this.mirror, this.sources,
				this.subjectTransform, this.compression, this.firstSequence, this.metadata, this.consumers);
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
	 * How a stream compresses the messages it stores (nats-server 2.10 or later).
	 */
	public enum Compression {

		/**
		 * Messages are stored as they are.
		 */
		NONE(CompressionOption.None),

		/**
		 * Messages are compressed with S2.
		 */
		S2(CompressionOption.S2);

		private final CompressionOption compressionOption;

		Compression(CompressionOption compressionOption) {
			this.compressionOption = compressionOption;
		}

		CompressionOption toCompressionOption() {
			return this.compressionOption;
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

		private Long maxMsgsPerSubject;

		private Integer maxConsumers;

		private Boolean noAck;

		private Boolean denyDelete;

		private Boolean denyPurge;

		private Boolean allowRollup;

		private Boolean allowDirect;

		private Boolean sealed;

		private Boolean allowMsgTtl;

		private StreamSource mirror;

		private List<StreamSource> sources;

		private SubjectTransform subjectTransform;

		private Compression compression;

		private Long firstSequence;

		private Map<String, String> metadata;

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
		 * Set the maximum number of messages kept per subject.
		 * @param maxMsgsPerSubject the maximum, or {@code -1} for unlimited
		 * @return this builder
		 */
		public Builder maxMsgsPerSubject(long maxMsgsPerSubject) {
			this.maxMsgsPerSubject = maxMsgsPerSubject;
			return this;
		}

		/**
		 * Set the maximum number of consumers; it cannot be changed later.
		 * @param maxConsumers the maximum, or {@code -1} for unlimited
		 * @return this builder
		 */
		public Builder maxConsumers(int maxConsumers) {
			this.maxConsumers = maxConsumers;
			return this;
		}

		/**
		 * Set whether publishers get no acknowledgement when a message is stored.
		 * @param noAck {@code true} to send no acknowledgements
		 * @return this builder
		 */
		public Builder noAck(boolean noAck) {
			this.noAck = noAck;
			return this;
		}

		/**
		 * Set whether single messages cannot be deleted; once on, it stays on.
		 * @param denyDelete {@code true} to deny deletes
		 * @return this builder
		 */
		public Builder denyDelete(boolean denyDelete) {
			this.denyDelete = denyDelete;
			return this;
		}

		/**
		 * Set whether the stream cannot be purged; once on, it stays on.
		 * @param denyPurge {@code true} to deny purges
		 * @return this builder
		 */
		public Builder denyPurge(boolean denyPurge) {
			this.denyPurge = denyPurge;
			return this;
		}

		/**
		 * Set whether a message with a {@code Nats-Rollup} header may replace the
		 * messages before it.
		 * @param allowRollup {@code true} to allow roll-ups
		 * @return this builder
		 */
		public Builder allowRollup(boolean allowRollup) {
			this.allowRollup = allowRollup;
			return this;
		}

		/**
		 * Set whether any server holding the stream answers direct get requests.
		 * @param allowDirect {@code true} to allow direct gets
		 * @return this builder
		 */
		public Builder allowDirect(boolean allowDirect) {
			this.allowDirect = allowDirect;
			return this;
		}

		/**
		 * Set whether the stream is sealed; a sealed stream cannot be unsealed.
		 * @param sealed {@code true} to seal the stream
		 * @return this builder
		 */
		public Builder sealed(boolean sealed) {
			this.sealed = sealed;
			return this;
		}

		/**
		 * Set whether messages may carry their own time to live (nats-server 2.11 or
		 * later); it cannot be changed later.
		 * @param allowMsgTtl {@code true} to allow per-message TTLs
		 * @return this builder
		 */
		public Builder allowMsgTtl(boolean allowMsgTtl) {
			this.allowMsgTtl = allowMsgTtl;
			return this;
		}

		/**
		 * Make the stream a mirror of another stream; a mirror has no subjects and no
		 * sources.
		 * @param mirror the mirrored stream
		 * @return this builder
		 */
		public Builder mirror(StreamSource mirror) {
			this.mirror = mirror;
			return this;
		}

		/**
		 * Set the streams this stream takes messages from.
		 * @param sources the sources
		 * @return this builder
		 */
		public Builder sources(StreamSource... sources) {
			return sources(Arrays.asList(sources));
		}

		/**
		 * Set the streams this stream takes messages from.
		 * @param sources the sources; empty for none, {@code null} to leave the
		 * server's sources alone
		 * @return this builder
		 */
		public Builder sources(Collection<StreamSource> sources) {
			this.sources = (sources != null) ? new ArrayList<>(sources) : null;
			return this;
		}

		/**
		 * Set how the subjects of incoming messages are rewritten (nats-server 2.10 or
		 * later).
		 * @param subjectTransform the transform
		 * @return this builder
		 */
		public Builder subjectTransform(SubjectTransform subjectTransform) {
			this.subjectTransform = subjectTransform;
			return this;
		}

		/**
		 * Set how stored messages are compressed (nats-server 2.10 or later).
		 * @param compression the compression
		 * @return this builder
		 */
		public Builder compression(Compression compression) {
			this.compression = compression;
			return this;
		}

		/**
		 * Set the sequence of the stream's first message (nats-server 2.10 or later).
		 * @param firstSequence at least 1
		 * @return this builder
		 */
		public Builder firstSequence(long firstSequence) {
			this.firstSequence = firstSequence;
			return this;
		}

		/**
		 * Set the metadata of the stream (nats-server 2.10 or later).
		 * @param metadata the metadata; {@code null} to leave the server's alone
		 * @return this builder
		 */
		public Builder metadata(Map<String, String> metadata) {
			this.metadata = (metadata != null) ? new LinkedHashMap<>(metadata) : null;
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
