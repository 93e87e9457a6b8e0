package io.github.natsboot.autoconfigure;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * Reconnection settings of the NATS connection, bound from {@code nats.reconnect.*}.
 */
public class NatsReconnectProperties {

	/**
	 * Maximum number of reconnect attempts after a connection is lost; -1 retries
	 * forever, 0 disables reconnection.
	 */
	private int maxAttempts = -1;

	/**
	 * Time to wait between two reconnect attempts to the same server.
	 */
	private Duration wait = Duration.ofSeconds(2);

	/**
	 * Maximum random delay added to the reconnect wait, so that many clients do not
	 * reconnect at the same instant.
	 */
	private Duration jitter = Duration.ofMillis(100);

	/**
	 * Size of the buffer that holds outgoing messages while reconnecting; 0 disables
	 * buffering (publishes fail while disconnected).
	 */
	private DataSize bufferSize = DataSize.ofMegabytes(8);

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getWait() {
		return this.wait;
	}

	public void setWait(Duration wait) {
		this.wait = wait;
	}

	public Duration getJitter() {
		return this.jitter;
	}

	public void setJitter(Duration jitter) {
		this.jitter = jitter;
	}

	public DataSize getBufferSize() {
		return this.bufferSize;
	}

	public void setBufferSize(DataSize bufferSize) {
		this.bufferSize = bufferSize;
	}

}
