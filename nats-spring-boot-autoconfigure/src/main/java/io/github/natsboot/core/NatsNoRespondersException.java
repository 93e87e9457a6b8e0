package io.github.natsboot.core;

/**
 * Thrown when a request finds nobody subscribed to its subject: the server answers at
 * once, so the caller does not wait for the timeout.
 */
public class NatsNoRespondersException extends NatsException {

	private final String subject;

	/**
	 * Create a new exception.
	 * @param subject the request subject
	 */
	public NatsNoRespondersException(String subject) {
		super("No responders are subscribed to '" + subject + "'");
		this.subject = subject;
	}

	public String getSubject() {
		return this.subject;
	}

}
