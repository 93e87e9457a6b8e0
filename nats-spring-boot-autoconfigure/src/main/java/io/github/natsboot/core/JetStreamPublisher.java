package io.github.natsboot.core;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;

/**
 * Publishes to JetStream streams: synchronously, or asynchronously within a bounded
 * window of publishes awaiting their acknowledgement, so that a fast producer is slowed
 * down instead of growing memory without bound. Translates jnats failures into the
 * starter's exceptions.
 */
final class JetStreamPublisher {

	private final Connection connection;

	private final Duration publishTimeout;

	private final int maxInFlight;

	private final Semaphore inFlight;

	private volatile JetStream jetStream;

	JetStreamPublisher(Connection connection, Duration publishTimeout, int maxInFlight) {
		this.connection = connection;
		this.publishTimeout = publishTimeout;
		this.maxInFlight = maxInFlight;
		this.inFlight = new Semaphore(maxInFlight);
	}

	PublishAck publish(OutgoingMessage message, PublishOptions options) {
		try {
			return jetStream().publish(message.subject(), message.headers(), message.data(), options);
		}
		catch (JetStreamApiException ex) {
			throw new NatsJetStreamApiException("Publish to '" + message.subject() + "'", ex);
		}
		catch (IOException ex) {
			throw translate(message.subject(), ex);
		}
	}

	CompletableFuture<PublishAck> publishAsync(OutgoingMessage message, PublishOptions options) {
		return publishAsync(message, options, false);
	}

	/**
	 * Publish asynchronously within the window.
	 * @param message the message
	 * @param options the options, may be {@code null}
	 * @param reserved whether the caller already holds a place in the window
	 * ({@link #tryReserve()}), else this method waits for one
	 * @return the acknowledgement to come
	 */
	CompletableFuture<PublishAck> publishAsync(OutgoingMessage message, PublishOptions options, boolean reserved) {
		if (!reserved) {
			acquire(message.subject());
		}
		CompletableFuture<PublishAck> ack;
		try {
			ack = jetStream().publishAsync(message.subject(), message.headers(), message.data(), options)
				.orTimeout(this.publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			this.inFlight.release();
			throw ex;
		}
		return ack.handle((result, failure) -> {
			this.inFlight.release();
			if (failure != null) {
				throw translate(message.subject(), failure);
			}
			return result;
		});
	}

	/**
	 * Take a place in the window of publishes awaiting acknowledgement, if there is one,
	 * without waiting; the next {@code publishAsync(message, options, true)} uses it.
	 * @return whether a place was taken
	 */
	boolean tryReserve() {
		return this.inFlight.tryAcquire();
	}

	int getPendingCount() {
		return this.maxInFlight - this.inFlight.availablePermits();
	}

	/**
	 * Wait until every asynchronous publish has been acknowledged or has failed.
	 * @return whether all completed within the publish timeout
	 */
	boolean awaitPending() throws InterruptedException {
		long timeoutMillis = this.publishTimeout.toMillis() + 1000;
		if (this.inFlight.tryAcquire(this.maxInFlight, timeoutMillis, TimeUnit.MILLISECONDS)) {
			this.inFlight.release(this.maxInFlight);
			return true;
		}
		return false;
	}

	private void acquire(String subject) {
		try {
			this.inFlight.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NatsException("Interrupted while waiting to publish to '" + subject + "'", ex);
		}
	}

	private JetStream jetStream() {
		JetStream jetStream = this.jetStream;
		if (jetStream == null) {
			try {
				jetStream = this.connection
					.jetStream(JetStreamOptions.builder().requestTimeout(this.publishTimeout).build());
			}
			catch (IOException ex) {
				throw new NatsException("JetStream is not available: " + ex.getMessage(), ex);
			}
			this.jetStream = jetStream;
		}
		return jetStream;
	}

	private RuntimeException translate(String subject, Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException
				|| (cause instanceof RuntimeException && cause.getClass() == RuntimeException.class))
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof JetStreamApiException api) {
			return new NatsJetStreamApiException("Publish to '" + subject + "'", api);
		}
		String message = String.valueOf(cause.getMessage());
		if (message.contains("503")) {
			return new NatsNoStreamException(subject);
		}
		if (cause instanceof TimeoutException || message.contains("Timeout")) {
			return new NatsRequestTimeoutException(subject, this.publishTimeout);
		}
		if (cause instanceof NatsException natsException) {
			return natsException;
		}
		return new NatsException("Publish to '" + subject + "' failed: " + cause, cause);
	}

}
