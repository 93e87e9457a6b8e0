package io.github.natsboot.core;

import io.nats.client.JetStreamApiException;

/**
 * Thrown when the JetStream API rejects an operation, for example a publish whose
 * expected last sequence does not match ({@link #WRONG_LAST_SEQUENCE}).
 */
public class NatsJetStreamApiException extends NatsException {

	/**
	 * API error code of an expected-last-sequence or expected-last-subject-sequence
	 * mismatch.
	 */
	public static final int WRONG_LAST_SEQUENCE = JetStreamApiErrorCodes.WRONG_LAST_SEQUENCE;

	private final int apiErrorCode;

	private final int errorCode;

	/**
	 * Create a new exception.
	 * @param operation what was attempted, such as "Publish to 'orders.new'"
	 * @param cause the jnats exception
	 */
	public NatsJetStreamApiException(String operation, JetStreamApiException cause) {
		super(operation + " was rejected by JetStream: " + cause.getErrorDescription() + " (error code "
				+ cause.getErrorCode() + ", API error code " + cause.getApiErrorCode() + ")", cause);
		this.apiErrorCode = cause.getApiErrorCode();
		this.errorCode = cause.getErrorCode();
	}

	/**
	 * The JetStream API error code, such as {@value #WRONG_LAST_SEQUENCE}.
	 * @return the API error code
	 */
	public int getApiErrorCode() {
		return this.apiErrorCode;
	}

	/**
	 * The HTTP-like error code, such as 400 or 503.
	 * @return the error code
	 */
	public int getErrorCode() {
		return this.errorCode;
	}

}
