package io.github.natsboot.listener;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.nats.client.Message;
import io.nats.client.impl.NatsJetStreamMetaData;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The dead letters of one JetStream listener container. A message is terminated only
 * once its dead letter is safe ({@link DeadLetterPublisher}); until then it is kept: alive
 * with in-progress acknowledgements, so that the server does not redeliver it, and
 * retried in the background with a backoff from {@value #FIRST_RETRY_MILLIS} ms to
 * {@value #MAX_RETRY_MILLIS} ms, so that the workers go on with the other messages. Every
 * failed attempt is logged and counted. When the container stops, each kept message gets
 * one last attempt and is otherwise released (negatively acknowledged) for redelivery.
 */
final class DeadLetters {

	private static final Log logger = LogFactory.getLog(DeadLetters.class);

	static final long FIRST_RETRY_MILLIS = 1000;

	static final long MAX_RETRY_MILLIS = 30_000;

	private final String listenerId;

	private final JetStreamConsumerSettings settings;

	private final boolean streamExpected;

	private final DeadLetterPublisher publisher;

	private final JetStreamAcknowledger acknowledger;

	private final NatsListenerMetrics metrics;

	private final ScheduledExecutorService retryExecutor;

	private final Queue<KeptDeadLetter> kept = new ConcurrentLinkedQueue<>();

	/**
	 * Create the dead letters of a container.
	 * @param listenerId the listener
	 * @param settings its consumer's settings, with the dead-letter subject
	 * @param streamExpected whether a stream captured the dead-letter subject when the
	 * container started
	 * @param publisher publishes dead letters
	 * @param acknowledger terminates and releases the originals
	 * @param metrics counts dead letters and failed attempts
	 * @param retryExecutor runs the retries
	 */
	DeadLetters(String listenerId, JetStreamConsumerSettings settings, boolean streamExpected,
			DeadLetterPublisher publisher, JetStreamAcknowledger acknowledger, NatsListenerMetrics metrics,
			ScheduledExecutorService retryExecutor) {
		this.listenerId = listenerId;
		this.settings = settings;
		this.streamExpected = streamExpected;
		this.publisher = publisher;
		this.acknowledger = acknowledger;
		this.metrics = metrics;
		this.retryExecutor = retryExecutor;
	}

	/**
	 * Dead-letter a message, at once if the dead letter can be published now, else keep it
	 * and retry in the background.
	 * @param message the message
	 * @param reason why: {@value NatsListenerMetrics#MAX_DELIVERIES} or
	 * {@value NatsListenerMetrics#NOT_CONVERTIBLE}
	 * @param failure the failure that made the listener give up
	 */
	void deadLetter(Message message, String reason, Throwable failure) {
		KeptDeadLetter deadLetter = new KeptDeadLetter(message, reason, failure);
		if (!attempt(deadLetter)) {
			this.kept.add(deadLetter);
			scheduleRetry(deadLetter);
		}
	}

	/**
	 * Keep the messages whose dead letters are not published yet from being redelivered.
	 * @param intervalNanos how long after the last in-progress acknowledgement to send
	 * another
	 */
	void keepAlive(long intervalNanos) {
		for (KeptDeadLetter deadLetter : this.kept) {
			deadLetter.inFlight.keepAlive(intervalNanos);
		}
	}

	/**
	 * The number of messages whose dead letters are not published yet.
	 * @return the count
	 */
	int getPendingCount() {
		return this.kept.size();
	}

	/**
	 * Give each kept message one last attempt, and release those that still fail for
	 * redelivery: called when the container stops.
	 */
	void releaseAll() {
		KeptDeadLetter deadLetter;
		while ((deadLetter = this.kept.poll()) != null) {
			synchronized (deadLetter) {
				if (deadLetter.retry != null) {
					deadLetter.retry.cancel(false);
				}
				if (!deadLetter.settled && !attempt(deadLetter)) {
					release(deadLetter);
					deadLetter.settled = true;
				}
			}
		}
	}

	private boolean attempt(KeptDeadLetter deadLetter) {
		synchronized (deadLetter) {
			if (deadLetter.settled) {
				return true;
			}
			try {
				this.publisher.publish(this.settings.deadLetterSubject(), this.streamExpected, deadLetter.message,
						this.listenerId, deadLetter.reason, deadLetter.failure);
			}
			catch (DeadLetterFailedException ex) {
				deadLetter.attempts++;
				this.metrics.deadLetterFailed();
				logger.warn("Listener '" + this.listenerId + "' could not dead-letter a message of "
						+ deadLetter.message.getSubject() + " (attempt " + deadLetter.attempts
						+ "); it is kept and retried: " + ex.getMessage());
				return false;
			}
			deadLetter.settled = true;
			this.acknowledger.term(deadLetter.message);
			this.metrics.deadLettered(deadLetter.reason);
			logger.warn("Listener '" + this.listenerId + "' dead-lettered a message of "
					+ deadLetter.message.getSubject() + " to " + this.settings.deadLetterSubject() + " ("
					+ deadLetter.reason + ")" + ((deadLetter.attempts > 0)
							? " after " + deadLetter.attempts + " failed attempts" : ""));
			return true;
		}
	}

	private void scheduleRetry(KeptDeadLetter deadLetter) {
		long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(deadLetter.attempts - 1, 5));
		synchronized (deadLetter) {
			if (!deadLetter.settled) {
				try {
					deadLetter.retry = this.retryExecutor.schedule(() -> retry(deadLetter), delay,
							TimeUnit.MILLISECONDS);
				}
				catch (RejectedExecutionException ex) {
					logger.debug("Dead-letter retries of listener '" + this.listenerId + "' have shut down");
				}
			}
		}
	}

	private void retry(KeptDeadLetter deadLetter) {
		if (attempt(deadLetter)) {
			this.kept.remove(deadLetter);
		}
		else {
			scheduleRetry(deadLetter);
		}
	}

	private void release(KeptDeadLetter deadLetter) {
		Message message = deadLetter.message;
		NatsJetStreamMetaData metaData = message.metaData();
		int serverMaxDeliver = this.settings.serverMaxDeliver();
		if (serverMaxDeliver > 0 && metaData.deliveredCount() >= serverMaxDeliver) {
			logger.error("Listener '" + this.listenerId + "' stopped before it could dead-letter message "
					+ metaData.streamSequence() + " of stream '" + metaData.getStream() + "': consumer '"
					+ metaData.getConsumer() + "' has reached its max deliveries (" + serverMaxDeliver
					+ "), so the server will not redeliver it; it stays in the stream at that sequence");
			return;
		}
		try {
			this.acknowledger.release(message);
			logger.warn("Listener '" + this.listenerId + "' stopped before it could dead-letter message "
					+ metaData.streamSequence() + " of stream '" + metaData.getStream()
					+ "'; released it for redelivery");
		}
		catch (RuntimeException ex) {
			logger.warn("Listener '" + this.listenerId + "' could not release message " + metaData.streamSequence()
					+ " of stream '" + metaData.getStream() + "'; the server redelivers it after its ack wait: " + ex);
		}
	}

	private static final class KeptDeadLetter {

		final Message message;

		final String reason;

		final Throwable failure;

		final InFlightMessage inFlight = new InFlightMessage();

		int attempts;

		boolean settled;

		ScheduledFuture<?> retry;

		KeptDeadLetter(Message message, String reason, Throwable failure) {
			this.message = message;
			this.reason = reason;
			this.failure = failure;
			this.inFlight.begin(message);
		}

	}

}
