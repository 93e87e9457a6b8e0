package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;

import io.github.natsboot.core.NatsSubjects;

import org.springframework.util.Assert;

/**
 * What a {@link JetStreamReader} replays: a stream, optionally only the messages of a
 * filter subject, from the beginning, a sequence or a point in time, within a timeout.
 *
 * <pre class="code">
 * ReplayRequest request = ReplayRequest.builder("orders")
 *     .filterSubject("orders.*.created")
 *     .startTime(lastRebuild)
 *     .timeout(Duration.ofMinutes(2))
 *     .build();
 * </pre>
 */
public final class ReplayRequest {

	/**
	 * The timeout of a request that does not set one.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private final String stream;

	private final String filterSubject;

	private final long startSequence;

	private final Instant startTime;

	private final Duration timeout;

	private ReplayRequest(Builder builder) {
		this.stream = builder.stream;
		this.filterSubject = builder.filterSubject;
		this.startSequence = builder.startSequence;
		this.startTime = builder.startTime;
		this.timeout = builder.timeout;
	}

	/**
	 * Return a builder for a replay of a stream, from its beginning unless told otherwise.
	 * @param stream the stream name
	 * @return a new builder
	 */
	public static Builder builder(String stream) {
		return new Builder(stream);
	}

	/**
	 * Return the stream to replay.
	 * @return the stream name
	 */
	public String getStream() {
		return this.stream;
	}

	/**
	 * Return the subject that replayed messages match, wildcards allowed.
	 * @return the filter subject, or {@code null} for every message of the stream
	 */
	public String getFilterSubject() {
		return this.filterSubject;
	}

	/**
	 * Return the stream sequence the replay starts at.
	 * @return the start sequence, or {@code 0} when the replay does not start at a
	 * sequence
	 */
	public long getStartSequence() {
		return this.startSequence;
	}

	/**
	 * Return the time the replay starts at: the first message stored at or after it,
	 * by the server's clock.
	 * @return the start time, or {@code null} when the replay does not start at a time
	 */
	public Instant getStartTime() {
		return this.startTime;
	}

	/**
	 * Return whether the replay starts at the first message of the stream.
	 * @return {@code true} when neither a start sequence nor a start time is set
	 */
	public boolean isFromBeginning() {
		return this.startSequence == 0 && this.startTime == null;
	}

	/**
	 * Return how long the whole replay may take.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	@Override
	public String toString() {
		String start = (this.startTime != null) ? "time " + this.startTime
				: (this.startSequence > 0) ? "sequence " + this.startSequence : "beginning";
		return "ReplayRequest[stream=" + this.stream + ", filterSubject=" + this.filterSubject + ", start=" + start
				+ ", timeout=" + this.timeout + "]";
	}

	/**
	 * Builds a {@link ReplayRequest}. The start methods replace each other: the last one
	 * called wins.
	 */
	public static final class Builder {

		private final String stream;

		private String filterSubject;

		private long startSequence;

		private Instant startTime;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Builder(String stream) {
			Assert.hasText(stream, "Stream must not be empty");
			Assert.isTrue(stream.chars().noneMatch((c) -> c == '.' || c == '*' || c == '>' || Character.isWhitespace(c)),
					() -> "Invalid stream name '" + stream + "': it must not contain '.', '*', '>' or whitespace");
			this.stream = stream;
		}

		/**
		 * Replay only the messages whose subject matches a filter.
		 * @param filterSubject a subject within the stream's subjects; {@code *} and
		 * {@code >} wildcards are allowed; {@code null} replays every message
		 * @return this builder
		 */
		public Builder filterSubject(String filterSubject) {
			this.filterSubject = (filterSubject != null && !filterSubject.equals(">"))
					? NatsSubjects.requireSubscribeSubject(filterSubject) : null;
			return this;
		}

		/**
		 * Start at a stream sequence, or at the first message after it when it was
		 * deleted.
		 * @param startSequence the first sequence to replay, at least {@code 1}
		 * @return this builder
		 */
		public Builder startSequence(long startSequence) {
			Assert.isTrue(startSequence >= 1, () -> "Start sequence must be at least 1, was " + startSequence);
			this.startSequence = startSequence;
			this.startTime = null;
			return this;
		}

		/**
		 * Start at the first message stored at or after a point in time, by the server's
		 * clock.
		 * @param startTime the time
		 * @return this builder
		 */
		public Builder startTime(Instant startTime) {
			Assert.notNull(startTime, "Start time must not be null");
			this.startTime = startTime;
			this.startSequence = 0;
			return this;
		}

		/**
		 * Start at the first message of the stream, the default.
		 * @return this builder
		 */
		public Builder fromBeginning() {
			this.startSequence = 0;
			this.startTime = null;
			return this;
		}

		/**
		 * Limit how long the whole replay may take; {@link #DEFAULT_TIMEOUT} by default.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(timeout != null && timeout.compareTo(Duration.ZERO) > 0,
					() -> "Timeout must be positive, was " + timeout);
			this.timeout = timeout;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public ReplayRequest build() {
			return new ReplayRequest(this);
		}

	}

}
