package io.github.natsboot.metrics;

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

	@Override
	public void slowConsumerDetected(Connection connection, Consumer consumer) {
		this.count.increment();
	}

	/**
	 * The number of slow consumers reported so far.
	 * @return the count
	 */
	public long getCount() {
		return this.count.sum();
	}

}
