package io.github.natsboot.listener;

/**
 * Thrown when a {@link NatsKeyValueListener} cannot start watching: its bucket does not
 * exist, or JetStream is unavailable.
 */
public class NatsKeyValueListenerBindingException extends NatsListenerBindingException {

	private final String bucket;

	private final String propertyPrefix;

	/**
	 * Create a new exception.
	 * @param listenerId the listener id
	 * @param bucket the bucket
	 * @param propertyPrefix where the bucket can be declared, such as
	 * {@code nats.jetstream.key-value.config}
	 * @param message what is wrong
	 */
	public NatsKeyValueListenerBindingException(String listenerId, String bucket, String propertyPrefix,
			String message) {
		super(listenerId, "KV_" + bucket, null, message);
		this.bucket = bucket;
		this.propertyPrefix = propertyPrefix;
	}

	/**
	 * Return the bucket the listener watches.
	 * @return the bucket name
	 */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * Return the properties under which the bucket can be declared to have it
	 * provisioned before listeners start.
	 * @return the property prefix, such as {@code nats.jetstream.key-value.config}
	 */
	public String getPropertyPrefix() {
		return this.propertyPrefix;
	}

}
