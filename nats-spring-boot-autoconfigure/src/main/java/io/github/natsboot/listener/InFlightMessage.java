package io.github.natsboot.listener;

import io.nats.client.Message;

/**
 * The message a JetStream worker is processing, if any, and since when: lets the
 * container keep long handlers alive with in-progress acknowledgements and wait for
 * in-flight handlers on stop, with two volatile writes per message and no scheduling.
 */
final class InFlightMessage {

	private volatile Message message;

	private volatile long lastProgressNanos;

	/**
	 * A record of the message being processed now that goes on from the same last
	 * in-progress acknowledgement: for a result that completes after its delivery thread
	 * has moved on.
	 * @return the record
	 */
	InFlightMessage continued() {
		InFlightMessage continued = new InFlightMessage();
		continued.lastProgressNanos = this.lastProgressNanos;
		continued.message = this.message;
		return continued;
	}

	void begin(Message message) {
		this.lastProgressNanos = System.nanoTime();
		this.message = message;
	}

	void end() {
		this.message = null;
	}

	boolean isIdle() {
		return this.message == null;
	}

	/**
	 * Send an in-progress acknowledgement if the current message has been processed for
	 * longer than the given interval since it started or since the last one.
	 * @param intervalNanos the interval
	 */
	void keepAlive(long intervalNanos) {
		Message current = this.message;
		if (current != null && System.nanoTime() - this.lastProgressNanos >= intervalNanos) {
			this.lastProgressNanos = System.nanoTime();
			try {
				current.inProgress();
			}
			catch (RuntimeException ex) {
				// the connection is down; the next tick tries again
			}
		}
	}

}
