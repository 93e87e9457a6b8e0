package io.github.natsboot.core;

/**
 * Names of the NATS message headers the starter reads and writes.
 */
public final class NatsHeaders {

	/**
	 * MIME type of the payload, such as {@code application/json}.
	 */
	public static final String CONTENT_TYPE = "Content-Type";

	/**
	 * Description of the error a service answered a request with, as NATS services send
	 * it.
	 */
	public static final String SERVICE_ERROR = "Nats-Service-Error";

	/**
	 * Numeric code of the error a service answered a request with.
	 */
	public static final String SERVICE_ERROR_CODE = "Nats-Service-Error-Code";

	/**
	 * JetStream message id used for de-duplication within a stream's duplicate window.
	 */
	public static final String MESSAGE_ID = "Nats-Msg-Id";

	/**
	 * Name under which a listener finds the subject a message was received on, for
	 * example {@code @Header(NatsHeaders.RECEIVED_SUBJECT) String subject}. Not a NATS
	 * header: it is never sent.
	 */
	public static final String RECEIVED_SUBJECT = "nats_receivedSubject";

	/**
	 * Name under which a listener finds the reply subject of a request. Not a NATS
	 * header: it is never sent.
	 */
	public static final String REPLY_TO = "nats_replyTo";

	/**
	 * Dead-letter header: the subject the message was originally published to.
	 */
	public static final String DLQ_SUBJECT = "Nats-Dlq-Subject";

	/**
	 * Dead-letter header: the stream the message was consumed from.
	 */
	public static final String DLQ_STREAM = "Nats-Dlq-Stream";

	/**
	 * Dead-letter header: the durable consumer the message was consumed through.
	 */
	public static final String DLQ_CONSUMER = "Nats-Dlq-Consumer";

	/**
	 * Dead-letter header: the message's sequence in its stream.
	 */
	public static final String DLQ_STREAM_SEQUENCE = "Nats-Dlq-Stream-Sequence";

	/**
	 * Dead-letter header: how many times the message was delivered.
	 */
	public static final String DLQ_DELIVERY_COUNT = "Nats-Dlq-Delivery-Count";

	/**
	 * Dead-letter header: the exception that made the listener give up, as
	 * {@code class: message}.
	 */
	public static final String DLQ_EXCEPTION = "Nats-Dlq-Exception";

	/**
	 * Dead-letter header: why the message was dead-lettered, {@code max-deliveries} or
	 * {@code not-convertible}.
	 */
	public static final String DLQ_REASON = "Nats-Dlq-Reason";

	/**
	 * Dead-letter header: the id of the listener that gave up.
	 */
	public static final String DLQ_LISTENER = "Nats-Dlq-Listener";

	private NatsHeaders() {
	}

}
