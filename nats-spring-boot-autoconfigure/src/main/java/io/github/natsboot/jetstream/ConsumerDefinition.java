package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * The desired configuration of a durable JetStream consumer, provisioned by
 * {@link JetStreamAdmin}. Every setting is optional: a setting that is not set
 * ({@code null}) keeps the server's default on creation and is left alone on an existing
 * consumer. Declare it with its stream ({@link StreamDefinition.Builder#consumer}) or on
 * its own for a stream defined elsewhere.
 */
public final class ConsumerDefinition implements JetStreamDefinition {

	private final String stream;

	private final String durable;

	private final String description;

	private final List<String> filterSubjects;

	private final AckPolicy ackPolicy;

	private final DeliverPolicy deliverPolicy;

	private final Long optStartSeq;

	private final Instant optStartTime;

	private final ReplayPolicy replayPolicy;

	private final Integer maxDeliver;

	private final Duration ackWait;

	private final List<Duration> backoff;

	private final Integer maxAckPending;

	private final Duration inactiveThreshold;

	private final Integer maxWaiting;

	private final Integer maxBatch;

	private final Duration maxExpires;

	private final Boolean headersOnly;

	private final String sampleFrequency;

	private final Long rateLimit;

	private final String deliverSubject;

	private final String deliverGroup;

	private final Integer replicas;

	private final Boolean memStorage;

	private final Map<String, String> metadata;

	private final Instant pauseUntil;

	private final List<String> priorityGroups;

	private final PriorityPolicy priorityPolicy;

	private ConsumerDefinition(Builder builder) {
		this.stream = builder.stream;
		this.durable = builder.durable;
		this.description = builder.description;
		this.filterSubjects = (builder.filterSubjects != null) ? List.copyOf(builder.filterSubjects) : null;
		this.ackPolicy = builder.ackPolicy;
		this.deliverPolicy = builder.deliverPolicy;
		this.optStartSeq = builder.optStartSeq;
		this.optStartTime = builder.optStartTime;
		this.replayPolicy = builder.replayPolicy;
		this.maxDeliver = builder.maxDeliver;
		this.ackWait = builder.ackWait;
		this.backoff = (builder.backoff != null) ? List.copyOf(builder.backoff) : null;
		this.maxAckPending = builder.maxAckPending;
		this.inactiveThreshold = builder.inactiveThreshold;
		this.maxWaiting = builder.maxWaiting;
		this.maxBatch = builder.maxBatch;
		this.maxExpires = builder.maxExpires;
		this.headersOnly = builder.headersOnly;
		this.sampleFrequency = builder.sampleFrequency;
		this.rateLimit = builder.rateLimit;
		this.deliverSubject = builder.deliverSubject;
		this.deliverGroup = builder.deliverGroup;
		this.replicas = builder.replicas;
		this.memStorage = builder.memStorage;
		this.metadata = (builder.metadata != null) ? Map.copyOf(builder.metadata) : null;
		this.pauseUntil = builder.pauseUntil;
		this.priorityGroups = (builder.priorityGroups != null) ? List.copyOf(builder.priorityGroups) : null;
		this.priorityPolicy = builder.priorityPolicy;
	}

	/**
	 * Return a builder for a durable consumer.
	 * @param stream the name of the stream the consumer reads
	 * @param durable the durable name of the consumer
	 * @return a new builder
	 */
	public static Builder builder(String stream, String durable) {
		return new Builder(stream, durable);
	}

	/**
	 * Return the name of the stream the consumer reads.
	 * @return the stream name
	 */
	public String getStream() {
		return this.stream;
	}

	/**
	 * Return the durable name of the consumer.
	 * @return the durable name
	 */
	public String getDurable() {
		return this.durable;
	}

	/**
	 * Return the description shown by monitoring tools.
	 * @return the description, or {@code null}
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Return the subjects the consumer receives, within the stream's subjects.
	 * @return the filter subjects, or {@code null} for every subject of the stream
	 */
	public List<String> getFilterSubjects() {
		return this.filterSubjects;
	}

	/**
	 * Return how messages are acknowledged.
	 * @return the acknowledgement policy, or {@code null} for the server's default
	 * (explicit)
	 */
	public AckPolicy getAckPolicy() {
		return this.ackPolicy;
	}

	/**
	 * Return where in the stream the consumer starts.
	 * @return the deliver policy, or {@code null} for the server's default (all)
	 */
	public DeliverPolicy getDeliverPolicy() {
		return this.deliverPolicy;
	}

	/**
	 * Return the stream sequence to start at, with {@link
	 * DeliverPolicy#BY_START_SEQUENCE}.
	 * @return the start sequence, or {@code null}
	 */
	public Long getOptStartSeq() {
		return this.optStartSeq;
	}

	/**
	 * Return the time to start at, with {@link DeliverPolicy#BY_START_TIME}.
	 * @return the start time, or {@code null}
	 */
	public Instant getOptStartTime() {
		return this.optStartTime;
	}

	/**
	 * Return the pace at which stored messages are delivered.
	 * @return the replay policy, or {@code null} for the server's default (instant)
	 */
	public ReplayPolicy getReplayPolicy() {
		return this.replayPolicy;
	}

	/**
	 * Return how many times a message is delivered at most; {@code -1} is unlimited.
	 * @return the maximum deliveries, or {@code null} for the server's default
	 * (unlimited)
	 */
	public Integer getMaxDeliver() {
		return this.maxDeliver;
	}

	/**
	 * Return how long the server waits for an acknowledgement before redelivering.
	 * @return the acknowledgement wait, or {@code null} for the server's default (30
	 * seconds, or the first backoff entry)
	 */
	public Duration getAckWait() {
		return this.ackWait;
	}

	/**
	 * Return the delays before successive redeliveries of a message that was not
	 * acknowledged in time; they replace the acknowledgement wait.
	 * @return the backoff delays, or {@code null}
	 */
	public List<Duration> getBackoff() {
		return this.backoff;
	}

	/**
	 * Return how many delivered messages may await their acknowledgement at once.
	 * @return the maximum pending acknowledgements, or {@code null} for the server's
	 * default (1000)
	 */
	public Integer getMaxAckPending() {
		return this.maxAckPending;
	}

	/**
	 * Return how long the consumer may go without any client pulling or subscribing
	 * before the server deletes it.
	 * @return the threshold, or {@code null} for the server's default (kept forever)
	 */
	public Duration getInactiveThreshold() {
		return this.inactiveThreshold;
	}

	/**
	 * Return how many pull requests may wait at once. It cannot be changed on an existing
	 * consumer.
	 * @return the maximum waiting pulls, or {@code null} for the server's default (512)
	 */
	public Integer getMaxWaiting() {
		return this.maxWaiting;
	}

	/**
	 * Return the largest batch one pull request may ask for.
	 * @return the maximum batch, or {@code null} for the server's default (unlimited)
	 */
	public Integer getMaxBatch() {
		return this.maxBatch;
	}

	/**
	 * Return the longest time a pull request may wait for messages.
	 * @return the maximum expiry, or {@code null} for the server's default (unlimited)
	 */
	public Duration getMaxExpires() {
		return this.maxExpires;
	}

	/**
	 * Return whether messages are delivered without their payload (with a {@code
	 * Nats-Msg-Size} header).
	 * @return whether only headers are delivered, or {@code null} for the server's
	 * default (payloads too)
	 */
	public Boolean getHeadersOnly() {
		return this.headersOnly;
	}

	/**
	 * Return the percentage of acknowledgements sampled for monitoring, such as {@code
	 * 10%}.
	 * @return the sample frequency, or {@code null} for the server's default (none)
	 */
	public String getSampleFrequency() {
		return this.sampleFrequency;
	}

	/**
	 * Return the delivery rate limit of a push consumer, in bits per second.
	 * @return the rate limit, or {@code null} for the server's default (unlimited)
	 */
	public Long getRateLimit() {
		return this.rateLimit;
	}

	/**
	 * Return the subject a push consumer delivers to; consumers without one are pull
	 * consumers, which JetStream listeners consume. A consumer cannot change between push
	 * and pull.
	 * @return the deliver subject, or {@code null} for a pull consumer
	 */
	public String getDeliverSubject() {
		return this.deliverSubject;
	}

	/**
	 * Return the queue group a push consumer delivers to.
	 * @return the deliver group, or {@code null}
	 */
	public String getDeliverGroup() {
		return this.deliverGroup;
	}

	/**
	 * Return the number of replicas of the consumer's state, at most the stream's.
	 * @return the number of replicas, or {@code null} for the server's default (the
	 * stream's)
	 */
	public Integer getReplicas() {
		return this.replicas;
	}

	/**
	 * Return whether the consumer's state is kept in memory, whatever the stream's
	 * storage.
	 * @return whether the state is in memory, or {@code null} for the server's default
	 * (as the stream)
	 */
	public Boolean getMemStorage() {
		return this.memStorage;
	}

	/**
	 * Return the metadata of the consumer (nats-server 2.10 or later); keys starting with
	 * {@code _nats.} are the server's own and are not compared.
	 * @return the metadata, or {@code null} to leave the server's alone
	 */
	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	/**
	 * Return the time until which the consumer delivers nothing (nats-server 2.11 or
	 * later).
	 * @return the end of the pause, or {@code null} for not paused
	 */
	public Instant getPauseUntil() {
		return this.pauseUntil;
	}

	/**
	 * Return the priority groups pull requests must name (nats-server 2.11 or later),
	 * with a priority policy.
	 * @return the priority groups, or {@code null}
	 */
	public List<String> getPriorityGroups() {
		return this.priorityGroups;
	}

	/**
	 * Return how the priority groups share the messages (nats-server 2.11 or later).
	 * @return the priority policy, or {@code null} for the server's default (none)
	 */
	public PriorityPolicy getPriorityPolicy() {
		return this.priorityPolicy;
	}

	@Override
	public String getPath() {
		return "streams." + this.stream + ".consumers." + this.durable;
	}

	@Override
	public String describe() {
		return "consumer '" + this.durable + "' of stream '" + this.stream + "'";
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ConsumerDefinition that && values().equals(that.values()));
	}

	@Override
	public int hashCode() {
		return values().hashCode();
	}

	@Override
	public String toString() {
		return "ConsumerDefinition" + values();
	}

	private List<Object> values() {
		return Arrays.asList(this.stream, this.durable, this.description, this.filterSubjects, this.ackPolicy,
				this.deliverPolicy, this.optStartSeq, this.optStartTime, this.replayPolicy, this.maxDeliver,
				this.ackWait, this.backoff, this.maxAckPending, this.inactiveThreshold, this.maxWaiting,
				this.maxBatch, this.maxExpires, this.headersOnly, this.sampleFrequency, this.rateLimit,
				this.deliverSubject, this.deliverGroup, this.replicas, this.memStorage, this.metadata,
				this.pauseUntil, this.priorityGroups, this.priorityPolicy);
	}

	/**
	 * How a consumer's messages are acknowledged. It cannot be changed on an existing
	 * consumer.
	 */
	public enum AckPolicy {

		/**
		 * Each message is acknowledged on its own.
		 */
		EXPLICIT(io.nats.client.api.AckPolicy.Explicit),

		/**
		 * Acknowledging a message acknowledges every message before it.
		 */
		ALL(io.nats.client.api.AckPolicy.All),

		/**
		 * Messages are not acknowledged: delivered at most once.
		 */
		NONE(io.nats.client.api.AckPolicy.None);

		private final io.nats.client.api.AckPolicy ackPolicy;

		AckPolicy(io.nats.client.api.AckPolicy ackPolicy) {
			this.ackPolicy = ackPolicy;
		}

		io.nats.client.api.AckPolicy toAckPolicy() {
			return this.ackPolicy;
		}

	}

	/**
	 * Where in the stream a consumer starts. It cannot be changed on an existing
	 * consumer.
	 */
	public enum DeliverPolicy {

		/**
		 * From the first message of the stream.
		 */
		ALL(io.nats.client.api.DeliverPolicy.All),

		/**
		 * From the last message of the stream.
		 */
		LAST(io.nats.client.api.DeliverPolicy.Last),

		/**
		 * With messages published after the consumer is created.
		 */
		NEW(io.nats.client.api.DeliverPolicy.New),

		/**
		 * From the stream sequence set with opt-start-seq.
		 */
		BY_START_SEQUENCE(io.nats.client.api.DeliverPolicy.ByStartSequence),

		/**
		 * From the first message at or after the time set with opt-start-time.
		 */
		BY_START_TIME(io.nats.client.api.DeliverPolicy.ByStartTime);

		private final io.nats.client.api.DeliverPolicy deliverPolicy;

		DeliverPolicy(io.nats.client.api.DeliverPolicy deliverPolicy) {
			this.deliverPolicy = deliverPolicy;
		}

		io.nats.client.api.DeliverPolicy toDeliverPolicy() {
			return this.deliverPolicy;
		}

	}

	/**
	 * The pace at which a consumer delivers stored messages. It cannot be changed on an
	 * existing consumer.
	 */
	public enum ReplayPolicy {

		/**
		 * As fast as the consumer takes them.
		 */
		INSTANT(io.nats.client.api.ReplayPolicy.Instant),

		/**
		 * At the pace at which they were published.
		 */
		ORIGINAL(io.nats.client.api.ReplayPolicy.Original);

		private final io.nats.client.api.ReplayPolicy replayPolicy;

		ReplayPolicy(io.nats.client.api.ReplayPolicy replayPolicy) {
			this.replayPolicy = replayPolicy;
		}

		io.nats.client.api.ReplayPolicy toReplayPolicy() {
			return this.replayPolicy;
		}

	}

	/**
	 * How the priority groups of a consumer share its messages (nats-server 2.11 or
	 * later).
	 */
	public enum PriorityPolicy {

		/**
		 * Pull requests get messages only once the pending messages or acknowledgements
		 * pass the thresholds they name.
		 */
		OVERFLOW(io.nats.client.api.PriorityPolicy.Overflow),

		/**
		 * One client at a time, pinned by the server, gets the messages.
		 */
		PINNED_CLIENT(io.nats.client.api.PriorityPolicy.PinnedClient),

		/**
		 * Pull requests with a lower priority number get messages first.
		 */
		PRIORITIZED(io.nats.client.api.PriorityPolicy.Prioritized);

		private final io.nats.client.api.PriorityPolicy priorityPolicy;

		PriorityPolicy(io.nats.client.api.PriorityPolicy priorityPolicy) {
			this.priorityPolicy = priorityPolicy;
		}

		io.nats.client.api.PriorityPolicy toPriorityPolicy() {
			return this.priorityPolicy;
		}

	}

	/**
	 * Builds a {@link ConsumerDefinition}.
	 */
	public static final class Builder {

		private final String stream;

		private final String durable;

		private String description;

		private List<String> filterSubjects;

		private AckPolicy ackPolicy;

		private DeliverPolicy deliverPolicy;

		private Long optStartSeq;

		private Instant optStartTime;

		private ReplayPolicy replayPolicy;

		private Integer maxDeliver;

		private Duration ackWait;

		private List<Duration> backoff;

		private Integer maxAckPending;

		private Duration inactiveThreshold;

		private Integer maxWaiting;

		private Integer maxBatch;

		private Duration maxExpires;

		private Boolean headersOnly;

		private String sampleFrequency;

		private Long rateLimit;

		private String deliverSubject;

		private String deliverGroup;

		private Integer replicas;

		private Boolean memStorage;

		private Map<String, String> metadata;

		private Instant pauseUntil;

		private List<String> priorityGroups;

		private PriorityPolicy priorityPolicy;

		private Builder(String stream, String durable) {
			Assert.hasText(stream, "A stream name is required");
			Assert.hasText(durable, "A durable consumer name is required");
			this.stream = stream;
			this.durable = durable;
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
		 * Set the subjects the consumer receives.
		 * @param filterSubjects subjects within the stream's subjects, wildcards allowed
		 * @return this builder
		 */
		public Builder filterSubjects(String... filterSubjects) {
			return filterSubjects(Arrays.asList(filterSubjects));
		}

		/**
		 * Set the subjects the consumer receives.
		 * @param filterSubjects subjects within the stream's subjects, wildcards allowed;
		 * {@code null} for every subject of the stream
		 * @return this builder
		 */
		public Builder filterSubjects(Collection<String> filterSubjects) {
			this.filterSubjects = (filterSubjects != null) ? new ArrayList<>(filterSubjects) : null;
			return this;
		}

		/**
		 * Set how messages are acknowledged.
		 * @param ackPolicy the acknowledgement policy
		 * @return this builder
		 */
		public Builder ackPolicy(AckPolicy ackPolicy) {
			this.ackPolicy = ackPolicy;
			return this;
		}

		/**
		 * Set where in the stream the consumer starts.
		 * @param deliverPolicy the deliver policy
		 * @return this builder
		 */
		public Builder deliverPolicy(DeliverPolicy deliverPolicy) {
			this.deliverPolicy = deliverPolicy;
			return this;
		}

		/**
		 * Start at a stream sequence, with {@link DeliverPolicy#BY_START_SEQUENCE}.
		 * @param optStartSeq the first stream sequence to deliver
		 * @return this builder
		 */
		public Builder optStartSeq(long optStartSeq) {
			this.optStartSeq = optStartSeq;
			return this;
		}

		/**
		 * Start at a time, with {@link DeliverPolicy#BY_START_TIME}.
		 * @param optStartTime the time of the first message to deliver
		 * @return this builder
		 */
		public Builder optStartTime(Instant optStartTime) {
			this.optStartTime = optStartTime;
			return this;
		}

		/**
		 * Set the pace at which stored messages are delivered.
		 * @param replayPolicy the replay policy
		 * @return this builder
		 */
		public Builder replayPolicy(ReplayPolicy replayPolicy) {
			this.replayPolicy = replayPolicy;
			return this;
		}

		/**
		 * Set how many times a message is delivered at most.
		 * @param maxDeliver at least 1, or {@code -1} for unlimited
		 * @return this builder
		 */
		public Builder maxDeliver(int maxDeliver) {
			this.maxDeliver = maxDeliver;
			return this;
		}

		/**
		 * Set how long the server waits for an acknowledgement before redelivering.
		 * @param ackWait the acknowledgement wait
		 * @return this builder
		 */
		public Builder ackWait(Duration ackWait) {
			this.ackWait = ackWait;
			return this;
		}

		/**
		 * Set the delays before successive redeliveries of a message that was not
		 * acknowledged in time.
		 * @param backoff one delay per redelivery, fewer than max-deliver
		 * @return this builder
		 */
		public Builder backoff(Duration... backoff) {
			return backoff(Arrays.asList(backoff));
		}

		/**
		 * Set the delays before successive redeliveries of a message that was not
		 * acknowledged in time.
		 * @param backoff one delay per redelivery, fewer than max-deliver; {@code null}
		 * to leave the server's setting alone
		 * @return this builder
		 */
		public Builder backoff(Collection<Duration> backoff) {
			this.backoff = (backoff != null) ? new ArrayList<>(backoff) : null;
			return this;
		}

		/**
		 * Set how many delivered messages may await their acknowledgement at once.
		 * @param maxAckPending at least 1
		 * @return this builder
		 */
		public Builder maxAckPending(int maxAckPending) {
			this.maxAckPending = maxAckPending;
			return this;
		}

		/**
		 * Set how long the consumer may be inactive before the server deletes it.
		 * @param inactiveThreshold the threshold
		 * @return this builder
		 */
		public Builder inactiveThreshold(Duration inactiveThreshold) {
			this.inactiveThreshold = inactiveThreshold;
			return this;
		}

		/**
		 * Set how many pull requests may wait at once; it cannot be changed later.
		 * @param maxWaiting at least 1
		 * @return this builder
		 */
		public Builder maxWaiting(int maxWaiting) {
			this.maxWaiting = maxWaiting;
			return this;
		}

		/**
		 * Set the largest batch one pull request may ask for.
		 * @param maxBatch at least 1
		 * @return this builder
		 */
		public Builder maxBatch(int maxBatch) {
			this.maxBatch = maxBatch;
			return this;
		}

		/**
		 * Set the longest time a pull request may wait for messages.
		 * @param maxExpires the maximum expiry
		 * @return this builder
		 */
		public Builder maxExpires(Duration maxExpires) {
			this.maxExpires = maxExpires;
			return this;
		}

		/**
		 * Set whether messages are delivered without their payload.
		 * @param headersOnly {@code true} to deliver headers only
		 * @return this builder
		 */
		public Builder headersOnly(boolean headersOnly) {
			this.headersOnly = headersOnly;
			return this;
		}

		/**
		 * Set the percentage of acknowledgements sampled for monitoring.
		 * @param sampleFrequency such as {@code 10%}
		 * @return this builder
		 */
		public Builder sampleFrequency(String sampleFrequency) {
			this.sampleFrequency = sampleFrequency;
			return this;
		}

		/**
		 * Set the delivery rate limit of a push consumer.
		 * @param rateLimit in bits per second
		 * @return this builder
		 */
		public Builder rateLimit(long rateLimit) {
			this.rateLimit = rateLimit;
			return this;
		}

		/**
		 * Make the consumer a push consumer delivering to a subject.
		 * @param deliverSubject the deliver subject, without wildcards
		 * @return this builder
		 */
		public Builder deliverSubject(String deliverSubject) {
			this.deliverSubject = deliverSubject;
			return this;
		}

		/**
		 * Set the queue group a push consumer delivers to.
		 * @param deliverGroup the queue group
		 * @return this builder
		 */
		public Builder deliverGroup(String deliverGroup) {
			this.deliverGroup = deliverGroup;
			return this;
		}

		/**
		 * Set the number of replicas of the consumer's state.
		 * @param replicas 1 to the stream's replicas
		 * @return this builder
		 */
		public Builder replicas(int replicas) {
			this.replicas = replicas;
			return this;
		}

		/**
		 * Set whether the consumer's state is kept in memory.
		 * @param memStorage {@code true} for memory
		 * @return this builder
		 */
		public Builder memStorage(boolean memStorage) {
			this.memStorage = memStorage;
			return this;
		}

		/**
		 * Pause the consumer until a time (nats-server 2.11 or later).
		 * @param pauseUntil the end of the pause
		 * @return this builder
		 */
		public Builder pauseUntil(Instant pauseUntil) {
			this.pauseUntil = pauseUntil;
			return this;
		}

		/**
		 * Set how the priority groups share the messages (nats-server 2.11 or later).
		 * @param priorityPolicy the priority policy
		 * @return this builder
		 */
		public Builder priorityPolicy(PriorityPolicy priorityPolicy) {
			this.priorityPolicy = priorityPolicy;
			return this;
		}

		/**
		 * Set the metadata of the consumer (nats-server 2.10 or later).
		 * @param metadata the metadata; {@code null} to leave the server's alone
		 * @return this builder
		 */
		public Builder metadata(Map<String, String> metadata) {
			this.metadata = (metadata != null) ? new LinkedHashMap<>(metadata) : null;
			return this;
		}

		/**
		 * Set the priority groups pull requests must name (nats-server 2.11 or later).
		 * @param priorityGroups the group names
		 * @return this builder
		 */
		public Builder priorityGroups(String... priorityGroups) {
			return priorityGroups(Arrays.asList(priorityGroups));
		}

		/**
		 * Set the priority groups pull requests must name (nats-server 2.11 or later).
		 * @param priorityGroups the group names; {@code null} to leave the server's alone
		 * @return this builder
		 */
		public Builder priorityGroups(Collection<String> priorityGroups) {
			this.priorityGroups = (priorityGroups != null) ? new ArrayList<>(priorityGroups) : null;
			return this;
		}

		/**
		 * Build the definition.
		 * @return the consumer definition
		 */
		public ConsumerDefinition build() {
			return new ConsumerDefinition(this);
		}

	}

}
