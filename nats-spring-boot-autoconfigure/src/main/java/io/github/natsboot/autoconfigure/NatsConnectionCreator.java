package io.github.natsboot.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsboot.core.CompositeConnectionListener;
import io.github.natsboot.core.CompositeErrorListener;
import io.github.natsboot.core.NatsConnectionFactory;
import io.github.natsboot.core.NatsPermissionViolations;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Options;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Connects one NATS connection, the default or a named one, from its properties and
 * details: the event logger, the failure recorder, the application's connection and error
 * listeners and its {@link NatsOptionsCustomizer}s that apply to it. A failed connect
 * becomes a {@link NatsConnectionException} that names the connection.
 */
final class NatsConnectionCreator {

	private final ListableBeanFactory beanFactory;

	private final NatsConnectionFactory connectionFactory;

	private final Environment environment;

	NatsConnectionCreator(ListableBeanFactory beanFactory, NatsConnectionFactory connectionFactory,
			Environment environment) {
		this.beanFactory = beanFactory;
		this.connectionFactory = connectionFactory;
		this.environment = environment;
	}

	Connection connect(String connection, NatsConnectionProperties properties, NatsConnectionDetails details) {
		NatsConnectionEventLogger eventLogger = new NatsConnectionEventLogger();
		ConnectFailureRecorder failureRecorder = new ConnectFailureRecorder();
		List<ConnectionListener> connectionListeners = new ArrayList<>(List.of(eventLogger));
		connectionListeners.addAll(beans(ConnectionListener.class, connection));
		List<ErrorListener> errorListeners = new ArrayList<>(List.of(eventLogger, failureRecorder));
		this.beanFactory.getBeanProvider(NatsPermissionViolations.class)
			.ifAvailable((violations) -> errorListeners.add(violations.asErrorListener()));
		errorListeners.addAll(beans(ErrorListener.class, connection));
		String connectionName = StringUtils.hasText(properties.getConnectionName()) ? properties.getConnectionName()
				: this.environment.getProperty("spring.application.name");
		Options options = new NatsOptionsFactory(properties, details, connectionName,
				NatsConnectionNames.propertyPrefix(connection))
			.create(new CompositeConnectionListener(connectionListeners), new CompositeErrorListener(errorListeners),
					beans(NatsOptionsCustomizer.class, connection).stream());
		try {
			return this.connectionFactory.connect(options, properties.isFailFast());
		}
		catch (IOException ex) {
			throw failureRecorder.toConnectionException(connection, ex, details.getServers(),
					NatsAuthenticationMethod.of(details), describeTls(properties, options));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while connecting " + NatsConnectionNames.describe(connection),
					ex);
		}
	}

	/**
	 * The beans of a type that apply to a connection, in order: those without a qualifier
	 * apply to every connection, those qualified with a connection's name to that one.
	 */
	private <T> List<T> beans(Class<T> type, String connection) {
		Map<T, String> names = new IdentityHashMap<>();
		this.beanFactory.getBeansOfType(type).forEach((name, bean) -> names.put(bean, name));
		return this.beanFactory.getBeanProvider(type)
			.orderedStream(ObjectProvider.UNFILTERED)
			.filter((bean) -> NatsConnectionQualifiers.appliesTo(this.beanFactory, names.get(bean), connection))
			.toList();
	}

	private static String describeTls(NatsConnectionProperties properties, Options options) {
		if (StringUtils.hasText(properties.getSsl().getBundle())) {
			return "SSL bundle '" + properties.getSsl().getBundle() + "'";
		}
		return options.isTLSRequired() ? "the JVM's default trust store" : null;
	}

}
