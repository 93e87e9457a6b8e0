package io.github.natsboot.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Names of the connections an application has: {@value #DEFAULT} for the one configured
 * under {@code nats.*}, and the keys of {@code nats.connections.<name>.*} for the others.
 * A named connection's beans are called after it ({@code eventsNatsConnection},
 * {@code eventsNatsTemplate}) and qualified with its name.
 */
public final class NatsConnectionNames {

	/**
	 * The name of the default connection, in health details, meter tags and messages.
	 */
	public static final String DEFAULT = "default";

	private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");

	private NatsConnectionNames() {
	}

	/**
	 * Return the names of the connections configured under {@code nats.connections}.
	 * @param environment the environment to read
	 * @return the names, in the order they are configured
	 * @throws InvalidConfigurationPropertyValueException for a name that cannot name a bean
	 */
	public static Set<String> named(Environment environment) {
		Set<String> names = Binder.get(environment)
			.bind("nats.connections", Bindable.mapOf(String.class, NatsNamedConnectionProperties.class))
			.map(Map::keySet)
			.orElseGet(Set::of);
		for (String name : names) {
			if (DEFAULT.equals(name) || !VALID_NAME.matcher(name).matches()) {
				throw new InvalidConfigurationPropertyValueException("nats.connections." + name, name,
						"A connection name starts with a letter, holds only letters, digits, '-' and '_', "
								+ "and is not '" + DEFAULT + "' (the connection configured under nats.*)");
			}
		}
		return names;
	}

	/**
	 * Return the prefix of a connection's properties.
	 * @param connection the connection's name
	 * @return {@code nats.} for the default connection, {@code nats.connections.<name>.}
	 * for a named one
	 */
	public static String propertyPrefix(String connection) {
		return isDefault(connection) ? "nats." : "nats.connections." + connection + ".";
	}

	/**
	 * Return the name of one of a named connection's beans.
	 * @param connection the connection's name
	 * @param suffix what the bean is, such as {@code NatsTemplate}
	 * @return the bean name, such as {@code eventsNatsTemplate}
	 */
	public static String beanName(String connection, String suffix) {
		return connection + suffix;
	}

	/**
	 * Whether a name is that of the default connection.
	 * @param connection the name, {@code null} for the default connection
	 * @return whether it names the default connection
	 */
	public static boolean isDefault(String connection) {
		return connection == null || connection.isEmpty() || DEFAULT.equals(connection);
	}

	/**
	 * Describe a connection for a message: {@code the NATS connection 'events'}.
	 * @param connection the connection's name
	 * @return the description
	 */
	public static String describe(String connection) {
		return isDefault(connection) ? "the NATS connection" : "the NATS connection '" + connection + "'";
	}

}
