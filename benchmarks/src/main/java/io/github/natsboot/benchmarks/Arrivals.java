package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the messages a receiver has handled and wakes the benchmark when a round's
 * messages have all arrived. Recording costs one atomic increment and a comparison, the
 * same for every variant.
 */
public final class Arrivals {

	private final AtomicLong count = new AtomicLong();

	private volatile long target = Long.MAX_VALUE;

	private volatile CountDownLatch reached = new CountDownLatch(1);

	private volatile long checksum;

	/**
	 * Record one handled message.
	 * @param value a value taken from the converted payload, kept so that the conversion
	 * cannot be optimized away
	 */
	public void record(long value) {
		this.checksum = value;
		if (this.count.incrementAndGet() == this.target) {
			this.reached.countDown();
		}
	}

	/**
	 * Expect a number of further messages; call before they are sent.
	 * @param messages the messages to expect
	 * @return the count to reach
	 */
	public long expect(long messages) {
		this.reached = new CountDownLatch(1);
		long target = this.count.get() + messages;
		this.target = target;
		if (this.count.get() >= target) {
			this.reached.countDown();
		}
		return target;
	}

	/**
	 * The messages recorded so far.
	 * @return the count
	 */
	public long count() {
		return this.count.get();
	}

	/**
	 * The last recorded value.
	 * @return the value
	 */
	public long checksum() {
		return this.checksum;
	}

	/**
	 * Wait until the expected messages have arrived.
	 * @param timeout how long to wait at most
	 * @throws TimeoutException if they do not arrive in time
	 * @throws InterruptedException if interrupted
	 */
	public void await(Duration timeout) throws TimeoutException, InterruptedException {
		if (!this.reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new TimeoutException(
					"Counted " + this.count.get() + " messages, expected " + this.target + ", within " + timeout);
		}
	}

}
