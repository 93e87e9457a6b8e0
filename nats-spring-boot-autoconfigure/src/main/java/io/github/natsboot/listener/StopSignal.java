package io.github.natsboot.listener;

/**
 * Tells the workers of a container that they are stopping (the container stops or
 * pauses, or their pulls are replaced after a reconnect), so that buffered messages are
 * released instead of processed, and tells the container when the last one was
 * released.
 */
final class StopSignal {

	private volatile boolean stopping;

	private volatile long lastActivityNanos;

	boolean isStopping() {
		return this.stopping;
	}

	void set(boolean stopping) {
		this.lastActivityNanos = System.nanoTime();
		this.stopping = stopping;
	}

	void released() {
		this.lastActivityNanos = System.nanoTime();
	}

	/**
	 * Whether no buffered message was released for the given time.
	 * @param quietNanos the time
	 * @return {@code true} when the buffers have been quiet that long
	 */
	boolean isQuietFor(long quietNanos) {
		return System.nanoTime() - this.lastActivityNanos >= quietNanos;
	}

}
