package io.github.natsboot.objectstore;

import io.github.natsboot.core.NatsException;

/**
 * Base class of the exceptions thrown by {@link ObjectStoreOperations}: an operation on
 * one object store bucket failed.
 */
public class NatsObjectStoreException extends NatsException {

	private final String bucket;

	private final String objectName;

	/**
	 * Create a new exception.
	 * @param bucket the bucket
	 * @param objectName the name of the object the operation was about, or {@code null}
	 * @param message the detail message
	 * @param cause the cause, may be {@code null}
	 */
	public NatsObjectStoreException(String bucket, String objectName, String message, Throwable cause) {
		super(message, cause);
		this.bucket = bucket;
		this.objectName = objectName;
	}

	/**
	 * Return the bucket the operation was on.
	 * @return the bucket name
	 */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * Return the name of the object the operation was about.
	 * @return the object name, or {@code null} when the failure is not about one object
	 */
	public String getObjectName() {
		return this.objectName;
	}

}
