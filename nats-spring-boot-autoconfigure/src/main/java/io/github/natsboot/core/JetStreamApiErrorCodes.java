package io.github.natsboot.core;

/**
 * JetStream API error codes ({@code io.nats.client.JetStreamApiException#getApiErrorCode()})
 * that the starter reacts to, named once for every package.
 */
public final class JetStreamApiErrorCodes {

	/**
	 * The consumer does not exist.
	 */
	public static final int CONSUMER_NOT_FOUND = 10014;

	/**
	 * A stream with that name exists already, with another configuration.
	 */
	public static final int STREAM_NAME_IN_USE = 10058;

	/**
	 * The stream (or key-value bucket) does not exist.
	 */
	public static final int STREAM_NOT_FOUND = 10059;

	/**
	 * The subjects of the stream overlap those of another stream.
	 */
	public static final int SUBJECTS_OVERLAP = 10065;

	/**
	 * An expected-last-sequence or expected-last-subject-sequence did not match.
	 */
	public static final int WRONG_LAST_SEQUENCE = 10071;

	/**
	 * The server cannot check an expected sequence yet (for example just after a
	 * leader change); the write was not made.
	 */
	public static final int SEQUENCE_TEMPORARILY_UNKNOWN = 10164;

	private JetStreamApiErrorCodes() {
	}

}
