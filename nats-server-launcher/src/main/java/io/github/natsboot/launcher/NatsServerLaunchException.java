package io.github.natsboot.launcher;

/**
 * Thrown when a {@code nats-server} process does not become ready: it could not be run, it
 * exited, or its health check did not pass in time. The message ends with the last lines of the
 * server's log.
 */
public class NatsServerLaunchException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message that explains the failure.
	 * @param message what went wrong, including the tail of the server log
	 */
	public NatsServerLaunchException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message and the underlying cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public NatsServerLaunchException(String message, Throwable cause) {
		super(message, cause);
	}

}
