package io.github.natsboot.kv;

/**
 * Thrown when the bucket of a {@link KeyValueOperations} does not exist on the server
 * (its JetStream stream {@code KV_<bucket>} is missing).
 */
public class NatsKeyValueBucketNotFoundException extends NatsKeyValueException {

	/**
	 * Create a new exception.
	 * @param bucket the missing bucket
	 * @param key the key or pattern of the operation that needed the bucket, or
	 * {@code null}
	 * @param cause the server's answer
	 */
	public NatsKeyValueBucketNotFoundException(String bucket, String key, Throwable cause) {
		super(bucket, key, "Key-value bucket '" + bucket + "' does not exist (no JetStream stream 'KV_" + bucket
				+ "'): create the bucket before using it", cause);
	}

}
