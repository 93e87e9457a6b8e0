package io.github.natsboot.listener;

import java.io.IOException;

import io.github.natsboot.core.NatsHeaderValues;
import io.github.natsboot.core.NatsHeaders;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Publishes a message a listener gave up on to its dead-letter subject, with headers
 * that say where it came from and why. When a stream captures the dead-letter subject
 * the publish waits for the stream's acknowledgement, so the message is stored before
 * the original is terminated; otherwise it is published as a core message.
 */
class DeadLetterPublisher {

	private static final Log logger = LogFactory.getLog(DeadLetterPublisher.class);

	private static final String[] NOT_COPIED = { NatsHeaders.MESSAGE_ID, "Nats-Expected-Stream",
			"Nats-Expected-Last-Sequence", "Nats-Expected-Last-Subject-Sequence", "Nats-Expected-Last-Msg-Id" };

	/**
	 * Bound of the original subject's header: far above any subject a server accepts by
	 * default, so that it is only ever escaped, never cut.
	 */
	private static final int MAX_SUBJECT_LENGTH = 64 * 1024;

	private final Connection connection;

	private volatile JetStream jetStream;

	DeadLetterPublisher(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Publish the message to the dead-letter subject.
	 * @param subject the dead-letter subject
	 * @param message the original message
	 * @param listenerId the listener that gave up
	 * @param reason why: {@value NatsListenerMetrics#MAX_DELIVERIES} or
	 * {@value NatsListenerMetrics#NOT_CONVERTIBLE}
	 * @param failure the last failure
	 * @return whether the message was published
	 */
	boolean publish(String subject, Message message, String listenerId, String reason, Throwable failure) {
		Headers headers = deadLetterHeaders(message, listenerId, reason, failure);
		byte[] data = (message.getData() != null) ? message.getData() : new byte[0];
		try {
			jetStream().publish(subject, headers, data);
			return true;
		}
		catch (IOException ex) {
			if (String.valueOf(ex.getMessage()).contains("503")) {
				this.connection.publish(subject, headers, data);
				return true;
			}
			logger.error("Could not dead-letter a message of listener '" + listenerId + "' to " + subject, ex);
		}
		catch (JetStreamApiException | RuntimeException ex) {
			logger.error("Could not dead-letter a message of listener '" + listenerId + "' to " + subject, ex);
		}
		return false;
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
