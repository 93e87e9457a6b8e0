package io.github.natsboot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.core.env.Environment;

/**
 * The connections configured under {@code nats.connections.<name>}, each bound once with
 * its effective settings: a singleton, {@value #BEAN_NAME}, registered by the first
 * {@link NatsNamedConnectionBeans} and shared by the others and by the features that
 * give every connection an entry (health, meters, leader election).
 */
public final class NatsNamedConnections {

	/**
	 * Name of the singleton.
	 */
	public static final String BEAN_NAME = "natsNamedConnections";

	private final Map<String, NatsNamedConnection> connections = new LinkedHashMap<>();

	private NatsNamedConnections(Environment environment) {
		for (String name : NatsConnectionNames.named(environment)) {
			this.connections.put(name, NatsNamedConnection.bind(environment, name));
		}
	}

	private NatsNamedConnections(Map<String, NatsNamedConnection> connections) {
		this.connections.putAll(connections);
	}

	/**
	 * Return the named connections of a bean factory.
	 * @param beanFactory the bean factory
	 * @return its named connections, none when no {@link NatsNamedConnectionBeans} ran
	 */
	public static NatsNamedConnections of(BeanFactory beanFactory) {
		return beanFactory.containsBean(BEAN_NAME) ? beanFactory.getBean(BEAN_NAME, NatsNamedConnections.class)
				: new NatsNamedConnections(Map.of());
	}

	/**
	 * Return the shared named connections of a registry, binding and registering them the
	 * first time.
	 * @param registry the registry, a {@link SingletonBeanRegistry} in every application
	 * context
	 * @param environment the environment to bind them from
	 * @return the named connections
	 */
	static NatsNamedConnections obtain(Object registry, Environment environment) {
		if (!(registry instanceof SingletonBeanRegistry singletons)) {
			return new NatsNamedConnections(environment);
		}
		Object existing = singletons.getSingleton(BEAN_NAME);
		if (existing instanceof NatsNamedConnections connections) {
			return connections;
		}
		NatsNamedConnections connections = new NatsNamedConnections(environment);
		singletons.registerSingleton(BEAN_NAME, connections);
		return connections;
	}

	/**
	 * Return the names of the connections, in the order they are configured.
	 * @return the names
	 */
	public Set<String> names() {
		return this.connections.keySet();
	}

	/**
	 * Return a named connection.
	 * @param name its name
	 * @return the connection, or {@code null} when none has that name
	 */
	public NatsNamedConnection get(String name) {
		return this.connections.get(name);
	}

}
