package io.github.natsboot.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;

/**
 * {@link ErrorListener} that counts the slow consumers the client reports: each time a
 * subscription's pending limits are reached and it starts dropping messages.
 */
public class NatsSlowConsumerCounter implements ErrorListener {

	private final LongAdder count = new LongAdder();

	private final Map<Connection, LongAdder> counts = new ConcurrentHashMap<>();

	@Override
	public void slowConsumerDetected(Connection connection, Consumer consumer) {
		this.count.increment();
		this.counts.computeIfAbsent(connection, (key) -> new LongAdder()).increment();
	}

	/**
	 * The number of slow consumers reported so far, on every connection.
	 * @return the count
	 */
	public long getCount() {
		return this.count.sum();
	}

	/**
	 * The number of slow consumers reported so far on one connection.
	 * @param connection the connection
	 * @return the count
	 */
	public long getCount(Connection connection) {
		LongAdder counted = this.counts.get(connection);
		return (counted != null) ? counted.sum() : 0;
	}

}
