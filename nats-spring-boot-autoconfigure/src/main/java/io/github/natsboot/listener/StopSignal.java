package io.github.natsboot.listener;

/**
 * Tells the workers of a container that they are stopping (the container stops or
 * pauses, or their pulls are replaced after a reconnect), so that buffered messages are
 * released instead of processed.
 */
final class StopSignal {

	private volatile boolean stopping;

	boolean isStopping() {
		return this.stopping;
	}

	void set(boolean stopping) {
		this.stopping = stopping;
	}

}
