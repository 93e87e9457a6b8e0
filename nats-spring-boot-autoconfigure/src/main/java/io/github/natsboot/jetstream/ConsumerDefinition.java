package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
	 * Return the stream sequence to start at, with {@link DeliverPolicy#BY_START_SEQUENCE}.
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
		if (this == other) {
			return true;
		}
		if (!(other instanceof ConsumerDefinition that)) {
			return false;
		}
		return this.stream.equals(that.stream) && this.durable.equals(that.durable)
				&& Objects.equals(this.description, that.description)
				&& Objects.equals(this.filterSubjects, that.filterSubjects) && this.ackPolicy == that.ackPolicy
				&& this.deliverPolicy == that.deliverPolicy && Objects.equals(this.optStartSeq, that.optStartSeq)
				&& Objects.equals(this.optStartTime, that.optStartTime) && this.replayPolicy == that.replayPolicy
				&& Objects.equals(this.maxDeliver, that.maxDeliver) && Objects.equals(this.ackWait, that.ackWait)
				&& Objects.equals(this.backoff, that.backoff) && Objects.equals(this.maxAckPending, that.maxAckPending);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.stream, this.durable, this.description, this.filterSubjects, this.ackPolicy,
				this.deliverPolicy, this.optStartSeq, this.optStartTime, this.replayPolicy, this.maxDeliver,
				this.ackWait, this.backoff, this.maxAckPending);
	}

	@Override
	public String toString() {
		return "ConsumerDefinition[stream=" + this.stream + ", durable=" + this.durable + ", description="
				+ this.description + ", filterSubjects=" + this.filterSubjects + ", ackPolicy=" + this.ackPolicy
				+ ", deliverPolicy=" + this.deliverPolicy + ", optStartSeq=" + this.optStartSeq + ", optStartTime="
				+ this.optStartTime + ", replayPolicy=" + this.replayPolicy + ", maxDeliver=" + this.maxDeliver
				+ ", ackWait=" + this.ackWait + ", backoff=" + this.backoff + ", maxAckPending=" + this.maxAckPending
				+ "]";
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
		 * Build the definition.
		 * @return the consumer definition
		 */
		public ConsumerDefinition build() {
			return new ConsumerDefinition(this);
		}

	}

}
