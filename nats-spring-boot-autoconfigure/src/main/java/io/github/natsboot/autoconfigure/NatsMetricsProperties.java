package io.github.natsboot.autoconfigure;

import java.time.Duration;

/**
 * Micrometer metrics settings, bound from {@code nats.metrics.*}.
 */
public class NatsMetricsProperties {

	/**
	 * Whether NATS meters are registered when a MeterRegistry is available.
	 */
	private boolean enabled = true;

	/**
	 * Interval between two reads of the stream and consumer information behind the
	 * JetStream gauges; never read per message.
	 */
	private Duration jetstreamPollInterval = Duration.ofSeconds(15);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getJetstreamPollInterval() {
		return this.jetstreamPollInterval;
	}

	public void setJetstreamPollInterval(Duration jetstreamPollInterval) {
		this.jetstreamPollInterval = jetstreamPollInterval;
	}

}
