package io.github.natsboot.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code NatsTemplate} settings, bound from {@code nats.template.*}.
 */
public class NatsTemplateProperties {

	/**
	 * Default time to wait for the reply to a request.
	 */
	private Duration requestTimeout = Duration.ofSeconds(5);

	/**
	 * Whether each publish and request is recorded as a Micrometer observation, whose
	 * trace context travels in the message headers.
	 */
	private boolean observationEnabled;

	@NestedConfigurationProperty
	private final NatsTemplateJetStreamProperties jetstream = new NatsTemplateJetStreamProperties();

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public boolean isObservationEnabled() {
		return this.observationEnabled;
	}

	public void setObservationEnabled(boolean observationEnabled) {
		this.observationEnabled = observationEnabled;
	}

	public NatsTemplateJetStreamProperties getJetstream() {
		return this.jetstream;
	}

}
