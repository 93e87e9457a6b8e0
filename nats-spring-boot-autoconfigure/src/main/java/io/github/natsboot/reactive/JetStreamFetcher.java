package io.github.natsboot.reactive;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.core.NatsException;
import io.github.natsboot.core.NatsJetStreamApiException;
import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.listener.DeadLetterFailedException;
import io.github.natsboot.listener.DeadLetterPublisher;
import io.github.natsboot.listener.NatsListenerMetrics;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * Fetches the messages of one durable JetStream pull consumer for one subscriber, as
 * many as it requested and no more: each fetch asks the server for at most the
 * outstanding demand (and at most a batch), so no message waits on the client. Fetching
 * runs on a worker of a scheduler that may block; when there is no demand, nothing is
 * fetched. A payload that cannot be converted is dead-lettered (when a dead-letter
 * subject is set) and terminated instead of being emitted.
 *
 * @param <T> the payload type
 */
final class JetStreamFetcher<T> {

	private static final Log logger = LogFactory.getLog(JetStreamFetcher.class);

	private final JetStreamFetcherSettings settings;

	private final String stream;

	private final String consumer;

	private final Class<T> type;

	private final FluxSink<AcknowledgeableNatsMessage<T>> sink;

	private final Scheduler.Worker worker;

	private final AtomicInteger wip = new AtomicInteger();

	private volatile boolean cancelled;

	private ConsumerContext context;

	JetStreamFetcher(JetStreamFetcherSettings settings, String stream, String consumer, Class<T> type,
			FluxSink<AcknowledgeableNatsMessage<T>> sink, Scheduler scheduler) {
		this.settings = settings;
		this.stream = stream;
		this.consumer = consumer;
		this.type = type;
		this.sink = sink;
		this.worker = scheduler.createWorker();
	}

	void start() {
		this.sink.onDispose(() -> {
			this.cancelled = true;
			this.worker.dispose();
		});
		this.sink.onRequest((n) -> drain());
	}

	private void drain() {
		if (this.wip.getAndIncrement() == 0) {
			this.worker.schedule(this::fetchWhileRequested);
		}
	}

	private void fetchWhileRequested() {
		int missed = 1;
		try {
			do {
				long demand;
				while (!this.cancelled && (demand = this.sink.requestedFromDownstream()) > 0) {
					fetch((int) Math.min(demand, this.settings.maxBatch()));
				}
				missed = this.wip.addAndGet(-missed);
			}
			while (missed != 0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (JetStreamApiException ex) {
			this.sink.error(new NatsJetStreamApiException(
					"Consumer '" + this.consumer + "' of stream '" + this.stream + "'", ex));
		}
		catch (IOException | JetStreamStatusCheckedException | RuntimeException ex) {
			if (!this.cancelled) {
				this.sink.error((ex instanceof NatsException natsException) ? natsException : new NatsException(
						"Fetching from consumer '" + this.consumer + "' of stream '" + this.stream + "' failed: " + ex,
						ex));
			}
		}
	}

	private void fetch(int count)
			throws IOException, JetStreamApiException, JetStreamStatusCheckedException, InterruptedException {
		FetchConsumeOptions options = FetchConsumeOptions.builder()
			.maxMessages(count)
			.expiresIn(this.settings.fetchExpiry().toMillis())
			.build();
		try (FetchConsumer fetch = context().fetch(options)) {
			Message message;
			while ((message = fetch.nextMessage()) != null) {
				if (this.cancelled) {
					message.nak();
				}
				else {
					deliver(message);
				}
			}
		}
		catch (IOException | JetStreamApiException | JetStreamStatusCheckedException | InterruptedException
				| RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new NatsException("Closing a fetch of consumer '" + this.consumer + "' failed: " + ex, ex);
		}
	}

	private ConsumerContext context() throws IOException, JetStreamApiException {
		if (this.context == null) {
			this.context = this.settings.connection().getConsumerContext(this.stream, this.consumer);
		}
		return this.context;
	}

	private void deliver(Message message) {
		T payload;
		try {
			payload = this.settings.converter().read(message.getData(), message.getHeaders(), this.type);
		}
		catch (RuntimeException ex) {
			deadLetter(message, ex);
			return;
		}
		this.sink.next(new AcknowledgeableNatsMessage<>(message, payload));
	}

	private void deadLetter(Message message, RuntimeException failure) {
		String subject = this.settings.deadLetterSubject(this.stream, this.consumer);
		String where = "consumer '" + this.consumer + "' of stream '" + this.stream + "'";
		if (subject != null) {
			try {
				this.settings.deadLetterPublisher()
					.publish(subject, false, message, "reactive:" + this.stream + "/" + this.consumer,
							NatsListenerMetrics.NOT_CONVERTIBLE, failure);
				logger.warn("Dead-lettered a message of " + where + " to " + subject + " and terminated it: "
						+ failure.getMessage());
			}
			catch (DeadLetterFailedException ex) {
				logger.warn("Terminated a message of " + where + " that could not be converted; its dead letter failed: "
						+ ex.getMessage());
			}
		}
		else {
			logger.warn("Terminated a message of " + where + " that could not be converted: " + failure.getMessage());
		}
		message.term();
	}

	/**
	 * What every fetcher of a template shares.
	 *
	 * @param connection the connection
	 * @param converter reads payloads
	 * @param deadLetterPublisher publishes dead letters
	 * @param deadLetterSubjectPattern the dead-letter subject with {@code {stream}} and
	 * {@code {consumer}} placeholders, {@code null} for none
	 * @param maxBatch the most messages one fetch asks for
	 * @param fetchExpiry how long one fetch waits for messages
	 */
	record JetStreamFetcherSettings(io.nats.client.Connection connection, NatsMessageConverter converter,
			DeadLetterPublisher deadLetterPublisher, String deadLetterSubjectPattern, int maxBatch,
			Duration fetchExpiry) {

		String deadLetterSubject(String stream, String consumer) {
			if (this.deadLetterSubjectPattern == null || this.deadLetterSubjectPattern.isBlank()) {
				return null;
			}
			return this.deadLetterSubjectPattern.replace("{stream}", stream).replace("{consumer}", consumer);
		}

	}

}
