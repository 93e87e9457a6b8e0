package io.github.natsboot.jetstream;

/**
 * Thrown when a replay stops because one message could not be handled: its payload could
 * not be converted, or the callback threw. The messages before it were handled; the
 * failure is the cause.
 */
public class ReplayMessageException extends ReplayException {

	private final long sequence;

	private final String subject;

	/**
	 * Create a new exception.
	 * @param stream the stream being replayed
	 * @param sequence the stream sequence of the message
	 * @param subject the subject of the message
	 * @param problem what went wrong, such as {@code "the callback failed"}
	 * @param cause the failure
	 */
	public ReplayMessageException(String stream, long sequence, String subject, String problem, Throwable cause) {
		super(stream, "Replay of stream '" + stream + "' stopped at sequence " + sequence + " (subject '" + subject
				+ "'): " + problem + ": " + describe(cause), cause);
		this.sequence = sequence;
		this.subject = subject;
	}

	/**
	 * Return the stream sequence of the message that could not be handled.
	 * @return the sequence
	 */
	public long getSequence() {
		return this.sequence;
	}

	/**
	 * Return the subject of the message that could not be handled.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	private static String describe(Throwable cause) {
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
	}

}
