package io.github.natsboot.listener;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.core.NatsFlushes;
import io.github.natsboot.core.NatsHeaderValues;
import io.github.natsboot.core.NatsHeaders;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;

/**
 * Publishes a message a listener gave up on to its dead-letter subject, with headers
 * that say where it came from and why, and tells whether the dead letter is safe, so that
 * the original may be terminated: acknowledged by the stream that captures the subject,
 * or, when no stream captures it, published and flushed to the server. Each dead letter
 * carries a {@value NatsHeaders#MESSAGE_ID} made of the original's stream, consumer and
 * sequence, so that a dead letter published twice (retried after a lost acknowledgement,
 * or by two instances) is stored once within the stream's duplicate window.
 */
public class DeadLetterPublisher {

	private static final String[] NOT_COPIED = { NatsHeaders.MESSAGE_ID, "Nats-Expected-Stream",
			"Nats-Expected-Last-Sequence", "Nats-Expected-Last-Subject-Sequence", "Nats-Expected-Last-Msg-Id" };

	/**
	 * Bound of the original subject's header: far above any subject a server accepts by
	 * default, so that it is only ever escaped, never cut.
	 */
	private static final int MAX_SUBJECT_LENGTH = 64 * 1024;

	private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(2);

	private final Connection connection;

	private volatile JetStream jetStream;

	/**
	 * Create a publisher.
	 * @param connection the connection to publish on
	 */
	public DeadLetterPublisher(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Publish the message to the dead-letter subject.
	 * @param subject the dead-letter subject
	 * @param streamExpected whether a stream captured the subject when the listener
	 * started: then a subject that no stream answers on is a failure (the stream is gone
	 * or not available yet), not a reason to publish a core message
	 * @param message the original message
	 * @param listenerId the listener that gave up
	 * @param reason why: {@value NatsListenerMetrics#MAX_DELIVERIES} or
	 * {@value NatsListenerMetrics#NOT_CONVERTIBLE}
	 * @param failure the last failure
	 * @throws DeadLetterFailedException if the dead letter is not known to be stored
	 */
	public void publish(String subject, boolean streamExpected, Message message, String listenerId, String reason,
			Throwable failure) throws DeadLetterFailedException {
		Headers headers = deadLetterHeaders(message, listenerId, reason, failure);
		byte[] data = (message.getData() != null) ? message.getData() : new byte[0];
		try {
			jetStream().publish(subject, headers, data);
		}
		catch (JetStreamStatusException | IOException ex) {
			if (streamExpected || !isNoResponders(ex)) {
				throw new DeadLetterFailedException(subject, ex);
			}
			publishCore(subject, headers, data);
		}
		catch (JetStreamApiException | RuntimeException ex) {
			throw new DeadLetterFailedException(subject, ex);
		}
	}

	private void publishCore(String subject, Headers headers, byte[] data) throws DeadLetterFailedException {
		try {
			this.connection.publish(subject, headers, data);
			NatsFlushes.flush(this.connection, FLUSH_TIMEOUT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeadLetterFailedException(subject, ex);
		}
		catch (TimeoutException | RuntimeException ex) {
			throw new DeadLetterFailedException(subject, ex);
		}
	}

	private static boolean isNoResponders(Exception ex) {
		return String.valueOf(ex.getMessage()).contains("503");
	}

	private static Headers deadLetterHeaders(Message message, String listenerId, String reason, Throwable failure) {
		Headers headers = new Headers(message.getHeaders(), false, NOT_COPIED);
		headers.put(NatsHeaders.DLQ_SUBJECT, NatsHeaderValues.of(message.getSubject(), MAX_SUBJECT_LENGTH));
		headers.put(NatsHeaders.DLQ_REASON, reason);
		headers.put(NatsHeaders.DLQ_LISTENER, NatsHeaderValues.of(listenerId));
		headers.put(NatsHeaders.DLQ_EXCEPTION, FailureDescription.withType(failure));
		if (message.isJetStream()) {
			NatsJetStreamMetaData metaData = message.metaData();
			headers.put(NatsHeaders.DLQ_STREAM, metaData.getStream());
			headers.put(NatsHeaders.DLQ_CONSUMER, metaData.getConsumer());
			headers.put(NatsHeaders.DLQ_STREAM_SEQUENCE, Long.toString(metaData.streamSequence()));
			headers.put(NatsHeaders.DLQ_DELIVERY_COUNT, Long.toString(metaData.deliveredCount()));
			headers.put(NatsHeaders.MESSAGE_ID,
					"dlq:" + metaData.getStream() + ":" + metaData.getConsumer() + ":" + metaData.streamSequence());
		}
		return headers;
	}

	private JetStream jetStream() throws IOException {
		JetStream jetStream = this.jetStream;
		if (jetStream == null) {
			jetStream = this.connection.jetStream();
			this.jetStream = jetStream;
		}
		return jetStream;
	}

}
