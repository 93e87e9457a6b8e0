package io.github.natsboot.cloud.stream.binder;

import org.springframework.cloud.stream.provisioning.ProvisioningException;

/**
 * A destination, stream or consumer of a binding that the {@code nats} binder could not
 * provision; the message says what is wrong and what to change.
 */
public class NatsProvisioningException extends ProvisioningException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong and what to change
	 */
	public NatsProvisioningException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what is wrong and what to change
	 * @param cause the failure of the check or of the JetStream API
	 */
	public NatsProvisioningException(String message, Throwable cause) {
		super(message, cause);
	}

}
