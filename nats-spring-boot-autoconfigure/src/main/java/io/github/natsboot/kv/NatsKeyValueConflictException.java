package io.github.natsboot.kv;

/**
 * Thrown when a conditional write is rejected because the key is not where the caller
 * expected it to be: {@link KeyValueOperations#create create} of a key that exists, or
 * {@link KeyValueOperations#update update} or {@link KeyValueOperations#refresh refresh}
 * with a revision that is no longer the latest (JetStream API error 10071, "wrong last
 * sequence"). Nothing was written; read the key again and retry if that makes sense.
 */
public class NatsKeyValueConflictException extends NatsKeyValueException {

	private final long expectedRevision;

	/**
	 * Create a new exception.
	 * @param bucket the bucket
	 * @param key the key
	 * @param expectedRevision the revision the write expected, {@code 0} for a create
	 * @param message the detail message
	 * @param cause the cause, may be {@code null}
	 */
	public NatsKeyValueConflictException(String bucket, String key, long expectedRevision, String message,
			Throwable cause) {
		super(bucket, key, message, cause);
		this.expectedRevision = expectedRevision;
	}

	/**
	 * Return the revision the write expected to be the latest.
	 * @return the expected revision, or {@code 0} when the key was expected to be absent
	 */
	public long getExpectedRevision() {
		return this.expectedRevision;
	}

}
