package io.github.natsboot.benchmarks;

import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.impl.Headers;

/**
 * Feeds listener scenarios: publishes the order, encoded once as the starter would encode
 * it, on a connection of its own, as fast as the client allows. Both variants of a
 * scenario get an identical publisher.
 */
final class OrderPublisher implements AutoCloseable {

	private final Connection connection;

	private final Headers headers = BenchmarkEnvironment.jsonHeaders();

	private final byte[] data;

	OrderPublisher(BenchmarkEnvironment env) throws Exception {
		this.connection = env.connect("bench-publisher");
		this.data = env.orderJson();
	}

	void publish(String subject, int messages) {
		for (int i = 0; i < messages; i++) {
			this.connection.publish(subject, this.headers, this.data);
		}
	}

	void flush() throws Exception {
		this.connection.flush(Duration.ofSeconds(30));
	}

	@Override
	public void close() throws InterruptedException {
		this.connection.close();
	}

}
