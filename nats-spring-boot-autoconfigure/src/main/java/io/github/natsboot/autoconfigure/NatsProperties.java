package io.github.natsboot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the default NATS connection, bound from {@code nats.*},
 * and for the named connections beside it, bound from {@code nats.connections.<name>.*}.
 */
@ConfigurationProperties("nats")
public class NatsProperties extends NatsConnectionProperties {

	/**
	 * Further connections by name, each a qualified Connection bean with its own template,
	 * listener container factories and JetStream provisioning. Every setting of the
	 * default connection can be given; those left unset are inherited from nats.*, except
	 * the authentication, which is inherited only when the named connection sets none.
	 */
	private final Map<String, NatsNamedConnectionProperties> connections = new LinkedHashMap<>();

	public Map<String, NatsNamedConnectionProperties> getConnections() {
		return this.connections;
	}

}
