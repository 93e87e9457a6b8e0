package io.github.natsboot.kv;

import io.github.natsboot.core.NatsException;

/**
 * Base class of the exceptions thrown by {@link KeyValueOperations}: a key-value operation
 * on one bucket failed.
 */
public class NatsKeyValueException extends NatsException {

	private final String bucket;

	private final String key;

	/**
	 * Create a new exception.
	 * @param bucket the bucket
	 * @param key the key or key pattern the operation was about, or {@code null}
	 * @param message the detail message
	 * @param cause the cause, may be {@code null}
	 */
	public NatsKeyValueException(String bucket, String key, String message, Throwable cause) {
		super(message, cause);
		this.bucket = bucket;
		this.key = key;
	}

	/**
	 * Return the bucket the operation was on.
	 * @return the bucket name
	 */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * Return the key, or the key pattern of a watch or key listing, the operation was about.
	 * @return the key or pattern, or {@code null} when the failure is not about a key
	 */
	public String getKey() {
		return this.key;
	}

}
