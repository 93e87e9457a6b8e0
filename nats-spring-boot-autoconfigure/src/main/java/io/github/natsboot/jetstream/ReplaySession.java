package io.github.natsboot.jetstream;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.github.natsboot.core.JetStreamApiErrorCodes;
import io.nats.client.ConsumeOptions;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.StreamContext;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StreamState;
import io.nats.client.impl.NatsJetStreamMetaData;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One replay in progress: an ordered ephemeral consumer positioned at the request's
 * start, handing out the stream's messages up to its last sequence as of the moment the
 * session opened. Closing the session deletes the consumer. Used by one thread.
 */
final class ReplaySession implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(JetStreamReader.class);

	private static final int FILTER_NOT_IN_STREAM = 10093;

	private final Connection connection;

	private final String stream;

	private final long endSequence;

	private final long deadline;

	private final OrderedConsumerContext consumerContext;

	private final IterableConsumer consumer;

	private boolean exhausted;

	private boolean timedOut;

	private ReplaySession(Connection connection, String stream, long endSequence, long deadline,
			OrderedConsumerContext consumerContext, IterableConsumer consumer) {
		this.connection = connection;
		this.stream = stream;
		this.endSequence = endSequence;
		this.deadline = deadline;
		this.consumerContext = consumerContext;
		this.consumer = consumer;
		this.exhausted = (consumer == null);
	}

	/**
	 * Open a session: look the stream up, note its last sequence, and create the ordered
	 * consumer unless there is nothing to replay.
	 * @param connection the connection
	 * @param request the replay request
	 * @param maxMessages the most messages the caller will take, to pull no more than
	 * that
	 * @return the session
	 * @throws ReplayException if the stream does not exist or the server rejects the
	 * consumer
	 */
	static ReplaySession open(Connection connection, ReplayRequest request, long maxMessages) {
		long deadline = System.nanoTime() + request.getTimeout().toNanos();
		String stream = request.getStream();
		try {
			StreamContext streamContext = connection.getStreamContext(stream);
			StreamState state = streamContext.getStreamInfo().getStreamState();
			long end = (state.getMsgCount() > 0) ? state.getLastSequence() : 0;
			if (end == 0 || request.getStartSequence() > end) {
				return new ReplaySession(connection, stream, end, deadline, null, null);
			}
			OrderedConsumerContext consumerContext = streamContext.createOrderedConsumer(configuration(request));
			ReplaySession session = new ReplaySession(connection, stream, end, deadline, consumerContext,
					consumerContext.iterate(consumeOptions(maxMessages)));
			session.exhausted = session.hasNothingToDeliver();
			return session;
		}
		catch (JetStreamApiException ex) {
			throw translate(request, ex);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new ReplayException(stream, "Cannot replay stream '" + stream + "': " + ex.getMessage()
					+ " (is JetStream enabled on the server?)", ex);
		}
	}

	/**
	 * Return the next message, waiting for it until the session's deadline.
	 * @return the message, or {@code null} when the replay is over: every message up to
	 * the end sequence was handed out, or the deadline passed ({@link #isTimedOut()})
	 * @throws InterruptedException if interrupted while waiting
	 */
	Message next() throws InterruptedException {
		while (!this.exhausted) {
			long remaining = this.deadline - System.nanoTime();
			if (remaining <= 0) {
				this.timedOut = true;
				return null;
			}
			Message message = poll(Duration.ofNanos(remaining));
			if (message != null) {
				NatsJetStreamMetaData metaData = message.metaData();
				if (metaData.streamSequence() > this.endSequence) {
					this.exhausted = true;
					return null;
				}
				this.exhausted = metaData.streamSequence() == this.endSequence || metaData.pendingCount() == 0;
				return message;
			}
		}
		return null;
	}

	/**
	 * Return the stream's last sequence when the session opened.
	 * @return the end sequence, {@code 0} when the stream was empty
	 */
	long getEndSequence() {
		return this.endSequence;
	}

	/**
	 * Return whether the deadline passed before every message up to the end sequence was
	 * handed out.
	 * @return whether the session timed out
	 */
	boolean isTimedOut() {
		return this.timedOut;
	}

	@Override
	public void close() {
		if (this.consumer == null) {
			return;
		}
		try {
			this.consumer.close();
		}
		catch (Exception ex) {
			logger.debug("Could not stop the replay consumer of stream '" + this.stream + "'", ex);
		}
		String name = this.consumerContext.getConsumerName();
		try {
			if (name != null) {
				this.connection.jetStreamManagement().deleteConsumer(this.stream, name);
			}
		}
		catch (IOException | JetStreamApiException ex) {
			logger.debug("Could not delete replay consumer '" + name + "' of stream '" + this.stream
					+ "'; the server removes it once it has been inactive for a few seconds", ex);
		}
	}

	private Message poll(Duration timeout) throws InterruptedException {
		try {
			return this.consumer.nextMessage(timeout);
		}
		catch (JetStreamStatusCheckedException ex) {
			throw new ReplayException(this.stream,
					"Replay of stream '" + this.stream + "' failed: " + ex.getMessage(), ex);
		}
	}

	private boolean hasNothingToDeliver() {
		try {
			ConsumerInfo info = this.consumer.getConsumerInfo();
			return info.getNumPending() == 0 && info.getDelivered().getConsumerSequence() == 0;
		}
		catch (IOException | JetStreamApiException ex) {
			logger.debug("Could not look up the replay consumer of stream '" + this.stream
					+ "'; waiting for its messages instead", ex);
			return false;
		}
	}

	private static ConsumeOptions consumeOptions(long maxMessages) {
		int batchSize = (int) Math.min(maxMessages, ConsumeOptions.DEFAULT_MESSAGE_COUNT);
		return ConsumeOptions.builder().batchSize(batchSize).build();
	}

	private static OrderedConsumerConfiguration configuration(ReplayRequest request) {
		OrderedConsumerConfiguration configuration = new OrderedConsumerConfiguration();
		if (request.getFilterSubject() != null) {
			configuration.filterSubjects(request.getFilterSubject());
		}
		if (request.getStartSequence() > 0) {
			configuration.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(request.getStartSequence());
		}
		else if (request.getStartTime() != null) {
			configuration.deliverPolicy(DeliverPolicy.ByStartTime)
				.startTime(ZonedDateTime.ofInstant(request.getStartTime(), ZoneOffset.UTC));
		}
		return configuration;
	}

	private static ReplayException translate(ReplayRequest request, JetStreamApiException ex) {
		String stream = request.getStream();
		if (ex.getApiErrorCode() == JetStreamApiErrorCodes.STREAM_NOT_FOUND) {
			return new ReplayStreamNotFoundException(stream, ex);
		}
		if (ex.getApiErrorCode() == FILTER_NOT_IN_STREAM) {
			return new ReplayException(stream, "Cannot replay stream '" + stream + "': filter subject '"
					+ request.getFilterSubject() + "' is not within the stream's subjects", ex);
		}
		return new ReplayException(stream, "Cannot replay stream '" + stream + "': " + ex.getMessage(), ex);
	}

}
