package io.github.natsboot.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Sends requests one after the other, back to back or at a fixed rate, and records each
 * latency in an HdrHistogram. At a fixed rate, a latency is measured from the moment the
 * request should have been sent, so that a slow reply that delays the next requests
 * counts against them too (no coordinated omission).
 */
final class RequestPacer {

	private static final long SPIN_NANOS = 50_000;

	private final int ratePerSecond;

	/**
	 * Create a pacer.
	 * @param ratePerSecond requests per second, or 0 for back to back
	 */
	RequestPacer(int ratePerSecond) {
		this.ratePerSecond = ratePerSecond;
	}

	boolean isFixedRate() {
		return this.ratePerSecond > 0;
	}

	int ratePerSecond() {
		return this.ratePerSecond;
	}

	Sample run(int requests, Request request) throws Exception {
		Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
		long interval = isFixedRate() ? TimeUnit.SECONDS.toNanos(1) / this.ratePerSecond : 0;
		CpuClock clock = CpuClock.start();
		long start = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			long sent;
			if (isFixedRate()) {
				sent = start + i * interval;
				waitUntil(sent);
			}
			else {
				sent = System.nanoTime();
			}
			request.send();
			histogram.recordValue(Math.min(System.nanoTime() - sent, histogram.getHighestTrackableValue()));
		}
		return clock.stop(requests, histogram);
	}

	private static void waitUntil(long deadline) {
		long remaining = deadline - System.nanoTime();
		if (remaining > SPIN_NANOS) {
			LockSupport.parkNanos(remaining - SPIN_NANOS);
		}
		while (System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	/**
	 * One request, waiting for its reply.
	 */
	@FunctionalInterface
	interface Request {

		void send() throws Exception;

	}

}
