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

	private NatsHeaders() {
	}

}
