package io.github.natsboot.core;

/**
 * Base class of the runtime exceptions the starter throws for NATS operations.
 */
public class NatsException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message the detail message
	 */
	public NatsException(String message) {
		super(message);
	}

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public NatsException(String message, Throwable cause) {
		super(message, cause);
	}

}
