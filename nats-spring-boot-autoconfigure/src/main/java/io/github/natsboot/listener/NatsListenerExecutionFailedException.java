package io.github.natsboot.listener;

import io.github.natsboot.core.NatsException;

/**
 * A {@link NatsListener} method failed for a message, or its payload could not be
 * converted to the method's parameters.
 */
public class NatsListenerExecutionFailedException extends NatsException {

	private final String listenerId;

	private final String subject;

	private final boolean conversionFailure;

	/**
	 * Create a new exception.
	 * @param listenerId the id of the listener
	 * @param subject the subject of the message
	 * @param conversionFailure whether the payload could not be converted or validated
	 * @param cause the cause
	 */
	public NatsListenerExecutionFailedException(String listenerId, String subject, boolean conversionFailure,
			Throwable cause) {
		super("Listener '" + listenerId + "' failed for a message on '" + subject + "': "
				+ ((conversionFailure) ? "payload not convertible, " : "") + cause, cause);
		this.listenerId = listenerId;
		this.subject = subject;
		this.conversionFailure = conversionFailure;
	}

	public String getListenerId() {
		return this.listenerId;
	}

	public String getSubject() {
		return this.subject;
	}

	/**
	 * Whether the payload could not be converted to, or validated as, the method's
	 * parameter: retrying the same message cannot succeed.
	 * @return {@code true} for a conversion or validation failure
	 */
	public boolean isConversionFailure() {
		return this.conversionFailure;
	}

}
