package io.github.natsboot.jetstream;

import io.github.natsboot.core.NatsException;

/**
 * Thrown when a {@link JetStreamReader} cannot replay a stream: the server rejects the
 * replay, JetStream is not available, or the replay is interrupted.
 */
public class ReplayException extends NatsException {

	private final String stream;

	/**
	 * Create a new exception.
	 * @param stream the stream being replayed
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	public ReplayException(String stream, String message, Throwable cause) {
		super(message, cause);
		this.stream = stream;
	}

	/**
	 * Return the stream being replayed.
	 * @return the stream name
	 */
	public String getStream() {
		return this.stream;
	}

}
