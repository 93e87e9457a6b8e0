package io.github.natsboot.autoconfigure;

import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamProperties;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The settings of a named connection, bound from {@code nats.connections.<name>.*}: those of
 * the default connection, and the JetStream definitions provisioned on this connection.
 */
public class NatsNamedConnectionProperties extends NatsConnectionProperties {

	/**
	 * Streams, consumers and key-value buckets provisioned on this connection, with the
	 * settings of nats.jetstream.*. None are inherited from the default connection.
	 */
	@NestedConfigurationProperty
	private final NatsJetStreamProperties jetstream = new NatsJetStreamProperties();

	public NatsJetStreamProperties getJetstream() {
		return this.jetstream;
	}

}
