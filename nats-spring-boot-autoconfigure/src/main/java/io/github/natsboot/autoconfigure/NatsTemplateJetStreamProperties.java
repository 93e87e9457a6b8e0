package io.github.natsboot.autoconfigure;

import java.time.Duration;

/**
 * {@code NatsTemplate} JetStream publish settings, bound from
 * {@code nats.template.jetstream.*}.
 */
public class NatsTemplateJetStreamProperties {

	/**
	 * Time a JetStream publish waits for the stream's acknowledgement.
	 */
	private Duration publishTimeout = Duration.ofSeconds(5);

	/**
	 * Maximum number of asynchronous JetStream publishes awaiting their
	 * acknowledgement; further publishes block until one completes.
	 */
	private int maxInFlight = 1000;

	public Duration getPublishTimeout() {
		return this.publishTimeout;
	}

	public void setPublishTimeout(Duration publishTimeout) {
		this.publishTimeout = publishTimeout;
	}

	public int getMaxInFlight() {
		return this.maxInFlight;
	}

	public void setMaxInFlight(int maxInFlight) {
		this.maxInFlight = maxInFlight;
	}

}
