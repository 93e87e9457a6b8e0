package io.github.natsboot.devserver;

/**
 * Thrown when the dev server cannot be started: no {@code nats-server} to run (and no container
 * to fall back on), or a server that did not become ready.
 */
public class NatsDevServerException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	private final String detail;

	/**
	 * Creates an exception.
	 * @param reason why the server could not be started
	 * @param detail what was tried and what went wrong, for the failure analysis
	 * @param cause the underlying failure
	 */
	public NatsDevServerException(Reason reason, String detail, Throwable cause) {
		super("Could not start the NATS dev server: " + detail, cause);
		this.reason = reason;
		this.detail = detail;
	}

	/**
	 * Returns why the server could not be started.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Returns what was tried and what went wrong.
	 * @return the detail
	 */
	public String getDetail() {
		return this.detail;
	}

	/**
	 * Why the dev server could not be started.
	 */
	public enum Reason {

		/**
		 * No {@code nats-server} executable was found where the search looked, and no container
		 * could be run instead.
		 */
		NOT_INSTALLED,

		/**
		 * The configured executable does not exist or cannot be run.
		 */
		WRONG_EXECUTABLE,

		/**
		 * The server was found but did not become ready (a port in use, a bad store directory).
		 */
		NOT_READY

	}

}
