package io.github.natsboot.logging;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.core.spi.ContextAware;

/**
 * A warning written to Logback's status at most once per interval, however often the
 * condition occurs, so that a flood of dropped or failed events gives a handful of lines.
 */
final class ThrottledWarning {

	private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final ContextAware status;

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	ThrottledWarning(ContextAware status) {
		this.status = status;
	}

	boolean isDue() {
		long now = System.nanoTime();
		long next = this.nextWarning.get();
		return now - next >= 0 && this.nextWarning.compareAndSet(next, now + INTERVAL_NANOS);
	}

	void warn(String message) {
		this.status.addWarn(message);
	}

}
