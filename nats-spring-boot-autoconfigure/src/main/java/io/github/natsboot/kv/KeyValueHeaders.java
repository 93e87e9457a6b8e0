package io.github.natsboot.kv;

/**
 * Names under which a
 * {@link io.github.natsboot.listener.NatsKeyValueListener @NatsKeyValueListener} method
 * finds the details of a change, for example
 * {@code @Header(KeyValueHeaders.KEY) String key} or
 * {@code @Header(KeyValueHeaders.REVISION) long revision}. They are not NATS headers
 * anyone sends: the listener container sets them on each change it hands to the method.
 */
public final class KeyValueHeaders {

	/**
	 * The bucket the change was made in.
	 */
	public static final String BUCKET = "nats_kvBucket";

	/**
	 * The key that changed.
	 */
	public static final String KEY = "nats_kvKey";

	/**
	 * The revision of the change, a number that grows with every change of the bucket;
	 * read it as a {@code long}.
	 */
	public static final String REVISION = "nats_kvRevision";

	/**
	 * What the change did to its key: {@code PUT}, {@code DELETE} or {@code PURGE}; read
	 * it as a {@link KeyValueChange.Operation} or a {@code String}.
	 */
	public static final String OPERATION = "nats_kvOperation";

	/**
	 * When the change was written, by the server's clock, as an ISO-8601 instant; read it
	 * as a {@link java.time.Instant} or a {@code String}.
	 */
	public static final String CREATED = "nats_kvCreated";

	private KeyValueHeaders() {
	}

}
