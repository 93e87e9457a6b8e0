package io.github.natsboot.core;

/**
 * Thrown when a JetStream publish goes to a subject that no stream captures: the server
 * answers at once that nobody responds, instead of the publish timing out.
 */
public class NatsNoStreamException extends NatsException {

	private final String subject;

	/**
	 * Create a new exception.
	 * @param subject the subject published to
	 */
	public NatsNoStreamException(String subject) {
		super("No JetStream stream captures subject '" + subject
				+ "': create a stream whose subjects include it, or publish to a subject a stream listens on");
		this.subject = subject;
	}

	public String getSubject() {
		return this.subject;
	}

}
