package io.github.natsboot.listener;

import java.util.List;

import io.github.natsboot.kv.KeyValueWatchStart;

/**
 * A {@link NatsListenerEndpoint} for a {@link NatsKeyValueListener} method, with its
 * attributes already resolved. Its subjects are those the bucket stores the watched keys
 * under ({@code $KV.<bucket>.<key>}), which is also how metrics and observations name it.
 *
 * @param id the listener id
 * @param bucket the bucket to watch
 * @param keys the keys or key patterns, at least one, without duplicates
 * @param start where the listener starts each time it is started
 * @param includeDeletes whether deletes and purges reach the method
 * @param autoStartup whether to start with the context
 * @param adapter the adapter invoking the method
 * @param connection the name of the connection under {@code nats.connections}, or
 * {@code null} for the default connection
 */
public record KeyValueListenerEndpoint(String id, String bucket, List<String> keys, KeyValueWatchStart start,
		boolean includeDeletes, boolean autoStartup, NatsListenerAdapter adapter,
		String connection) implements NatsListenerEndpoint {

	/**
	 * Create an endpoint.
	 * @param id the listener id
	 * @param bucket the bucket to watch
	 * @param keys the keys or key patterns, at least one, without duplicates
	 * @param start where the listener starts each time it is started
	 * @param includeDeletes whether deletes and purges reach the method
	 * @param autoStartup whether to start with the context
	 * @param adapter the adapter invoking the method
	 * @param connection the connection's name, or {@code null} for the default one
	 */
	public KeyValueListenerEndpoint {
		keys = List.copyOf(keys);
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("A key-value listener needs at least one key");
		}
	}

	@Override
	public String getId() {
		return this.id;
	}

	/**
	 * Return the subjects of the watched keys in the bucket's stream.
	 * @return {@code $KV.<bucket>.<key>} for each key
	 */
	@Override
	public List<String> getSubjects() {
		return this.keys.stream().map((key) -> "$KV." + this.bucket + "." + key).toList();
	}

	@Override
	public String getQueue() {
		return null;
	}

	/**
	 * Return 1: changes are handled one at a time, in revision order.
	 * @return 1
	 */
	@Override
	public int getConcurrency() {
		return 1;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public NatsListenerAdapter getAdapter() {
		return this.adapter;
	}

	@Override
	public String getConnection() {
		return this.connection;
	}

	/**
	 * Return {@code null}: the listener watches a bucket, it is bound to no stream
	 * consumer of its own.
	 * @return {@code null}
	 */
	@Override
	public JetStreamBinding getJetStream() {
		return null;
	}

}
