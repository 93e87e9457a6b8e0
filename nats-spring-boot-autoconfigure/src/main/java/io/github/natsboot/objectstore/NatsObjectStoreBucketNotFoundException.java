package io.github.natsboot.objectstore;

/**
 * Thrown when the bucket of an {@link ObjectStoreOperations} operation does not exist on
 * the server (its JetStream stream {@code OBJ_<bucket>} is missing).
 */
public class NatsObjectStoreBucketNotFoundException extends NatsObjectStoreException {

	/**
	 * Create a new exception.
	 * @param bucket the missing bucket
	 * @param objectName the object the operation was about, or {@code null}
	 * @param cause the server's answer
	 */
	public NatsObjectStoreBucketNotFoundException(String bucket, String objectName, Throwable cause) {
		super(bucket, objectName, "Object store '" + bucket + "' does not exist (no JetStream stream 'OBJ_" + bucket
				+ "'): create the bucket before using it, for example with nats.jetstream.object-stores." + bucket
				+ ".* or an ObjectStoreDefinition bean", cause);
	}

}
