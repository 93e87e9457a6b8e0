package io.github.natsboot.kv;

/**
 * Thrown when an operation needs a key that does not exist: it was never written, or
 * it was deleted, purged or aged out of the bucket.
 */
public class NatsKeyNotFoundException extends NatsKeyValueException {

	/**
	 * Create a new exception.
	 * @param bucket the bucket
	 * @param key the missing key
	 * @param operation what could not be done, for example {@code "refresh"}
	 */
	public NatsKeyNotFoundException(String bucket, String key, String operation) {
		super(bucket, key, "Could not " + operation + " key '" + key + "' in bucket '" + bucket
				+ "': the key does not exist (never written, deleted, purged or expired)", null);
	}

}
