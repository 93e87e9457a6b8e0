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

	private NatsHeaders() {
	}

}
