package io.github.natsboot.autoconfigure;

import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamProperties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A connection configured under {@code nats.connections.<name>}, with its effective
 * settings: those it sets, and for the others those of the default connection under
 * {@code nats.*}. The authentication is inherited as a whole, and only when the named
 * connection sets none of its own. JetStream definitions are not inherited.
 *
 * @param name the connection's name
 * @param properties its effective settings
 * @param jetStream the streams, consumers and buckets to provision on it
 */
public record NatsNamedConnection(String name, NatsConnectionProperties properties,
		NatsJetStreamProperties jetStream) {

	/**
	 * Bind a named connection's effective settings from the environment.
	 * @param environment the environment
	 * @param name the connection's name
	 * @return the connection
	 */
	public static NatsNamedConnection bind(Environment environment, String name) {
		Binder binder = Binder.get(environment);
		String prefix = "nats.connections." + name;
		NatsConnectionProperties own = binder.bind(prefix, Bindable.ofInstance(new NatsConnectionProperties()))
			.orElseGet(NatsConnectionProperties::new);
		NatsConnectionProperties effective = new NatsConnectionProperties();
		binder.bind("nats", Bindable.ofInstance(effective));
		if (hasAuthentication(own)) {
			effective.setUsername(null);
			effective.setPassword(null);
			effective.setToken(null);
			effective.setCredentials(null);
			effective.setNkey(null);
		}
		binder.bind(prefix, Bindable.ofInstance(effective));
		NatsJetStreamProperties jetStream = binder.bind(prefix + ".jetstream", NatsJetStreamProperties.class)
			.orElseGet(NatsJetStreamProperties::new);
		return new NatsNamedConnection(name, effective, jetStream);
	}

	private static boolean hasAuthentication(NatsConnectionProperties properties) {
		return properties.getUsername() != null || properties.getToken() != null
				|| properties.getCredentials() != null || properties.getNkey() != null;
	}

}
