package io.github.natsboot.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.impl.Headers;

/**
 * Fills a stream with encoded orders before a consume round (not timed), on a connection
 * of its own.
 */
final class StreamLoader implements AutoCloseable {

	private final Connection connection;

	private final JetStream jetStream;

	private final Headers headers = BenchmarkEnvironment.jsonHeaders();

	private final byte[] data;

	StreamLoader(BenchmarkEnvironment env) throws Exception {
		this.connection = env.connect("bench-loader");
		this.jetStream = this.connection.jetStream();
		this.data = env.orderJson();
	}

	Connection connection() {
		return this.connection;
	}

	void load(String subject, int messages) throws Exception {
		Semaphore window = new Semaphore(1000);
		CompletableFuture<?> last = null;
		for (int i = 0; i < messages; i++) {
			window.acquire();
			last = this.jetStream.publishAsync(subject, this.headers, this.data)
				.whenComplete((ack, ex) -> window.release());
		}
		if (last != null) {
			last.get(60, TimeUnit.SECONDS);
		}
		if (!window.tryAcquire(1000, 60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The stream was not loaded within 60 seconds");
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.connection.close();
	}

}
