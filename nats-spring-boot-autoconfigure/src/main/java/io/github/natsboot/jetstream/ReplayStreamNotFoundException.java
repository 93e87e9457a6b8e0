package io.github.natsboot.jetstream;

/**
 * Thrown at once when a {@link JetStreamReader} is asked to replay a stream that does
 * not exist.
 */
public class ReplayStreamNotFoundException extends ReplayException {

	/**
	 * Create a new exception.
	 * @param stream the missing stream
	 * @param cause the server's answer
	 */
	public ReplayStreamNotFoundException(String stream, Throwable cause) {
		super(stream, "Cannot replay stream '" + stream + "': it does not exist", cause);
	}

}
