package io.github.natsboot.objectstore;

/**
 * Thrown when an operation needs an object that the bucket does not hold: it was never
 * put, or it was deleted.
 */
public class NatsObjectNotFoundException extends NatsObjectStoreException {

	/**
	 * Create a new exception.
	 * @param bucket the bucket
	 * @param objectName the missing object
	 * @param operation what could not be done, for example {@code "get"}
	 */
	public NatsObjectNotFoundException(String bucket, String objectName, String operation) {
		this(bucket, objectName, operation, null);
	}

	/**
	 * Create a new exception.
	 * @param bucket the bucket
	 * @param objectName the missing object
	 * @param operation what could not be done, for example {@code "get"}
	 * @param cause the client's or server's answer, may be {@code null}
	 */
	public NatsObjectNotFoundException(String bucket, String objectName, String operation, Throwable cause) {
		super(bucket, objectName, "Could not " + operation + " object '" + objectName + "' in object store '" + bucket
				+ "': the object does not exist (never put, or deleted)", cause);
	}

}
