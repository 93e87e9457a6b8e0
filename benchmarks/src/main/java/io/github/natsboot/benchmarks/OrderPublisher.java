package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.nats.client.Connection;
import io.nats.client.impl.Headers;

/**
 * Feeds listener scenarios: publishes the order, encoded once as the starter would encode
 * it, on a connection of its own, as fast as the receiver keeps up with. Both variants of
 * a scenario get an identical publisher.
 * <p>
 * The publisher stays at most {@value #WINDOW} messages ahead of what the receiver has
 * handled, as a service under steady load sees it: without a bound, a round would pile
 * its messages up in the receiver's pending queue, where they outlive young collections
 * and the measure becomes one of the garbage collector and of thread scheduling, and a
 * longer round would exceed jnats's pending limits.
 */
final class OrderPublisher implements AutoCloseable {

	private final Connection connection;

	private final Headers headers = BenchmarkEnvironment.jsonHeaders();

	private final byte[] data;

	OrderPublisher(BenchmarkEnvironment env) throws Exception {
		this.connection = env.connect("bench-publisher");
		this.data = env.orderJson();
	}

	/**
	 * Messages published but not yet handled at most.
	 */
	static final int WINDOW = 20_000;

	private static final int CHECK_EVERY = 256;

	private static final long PAUSE_NANOS = 50_000;

	void publish(String subject, int messages, Arrivals arrivals) {
		long handledBefore = arrivals.count();
		for (int i = 0; i < messages; i++) {
			if (i % CHECK_EVERY == 0) {
				awaitBacklogBelow(i, handledBefore, arrivals);
			}
			this.connection.publish(subject, this.headers, this.data);
		}
	}

	private static void awaitBacklogBelow(int published, long handledBefore, Arrivals arrivals) {
		if (published - (arrivals.count() - handledBefore) < WINDOW) {
			return;
		}
		while (published - (arrivals.count() - handledBefore) > WINDOW / 2) {
			LockSupport.parkNanos(PAUSE_NANOS);
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
