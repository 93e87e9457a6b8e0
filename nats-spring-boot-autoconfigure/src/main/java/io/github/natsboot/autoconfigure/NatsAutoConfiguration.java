package io.github.natsboot.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.natsboot.core.CompositeConnectionListener;
import io.github.natsboot.core.CompositeErrorListener;
import io.github.natsboot.core.NatsConnectionFactory;
import io.github.natsboot.core.NatsPermissionViolationListener;
import io.github.natsboot.core.NatsPermissionViolations;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Options;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for a managed NATS {@link Connection}.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(Connection.class)
@EnableConfigurationProperties(NatsProperties.class)
public final class NatsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(NatsConnectionDetails.class)
	PropertiesNatsConnectionDetails natsConnectionDetails(NatsProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesNatsConnectionDetails(properties, sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	NatsConnectionFactory natsConnectionFactory() {
		return NatsConnectionFactory.standard();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Connection.class)
	static class NatsConnectionConfiguration {

		@Bean
		Connection natsConnection(NatsProperties properties, NatsConnectionDetails connectionDetails,
				NatsConnectionFactory connectionFactory, Environment environment,
				ObjectProvider<NatsOptionsCustomizer> customizers,
				ObjectProvider<ConnectionListener> connectionListeners, ObjectProvider<ErrorListener> errorListeners,
				ObjectProvider<NatsPermissionViolations> permissionViolations) {
			NatsConnectionEventLogger eventLogger = new NatsConnectionEventLogger();
			ConnectFailureRecorder failureRecorder = new ConnectFailureRecorder();
			List<ConnectionListener> allConnectionListeners = new ArrayList<>(List.of(eventLogger));
			connectionListeners.orderedStream().forEach(allConnectionListeners::add);
			List<ErrorListener> allErrorListeners = new ArrayList<>(List.of(eventLogger, failureRecorder));
			permissionViolations.ifAvailable((violations) -> allErrorListeners.add(violations.asErrorListener()));
			errorListeners.orderedStream().forEach(allErrorListeners::add);
			String connectionName = StringUtils.hasText(properties.getConnectionName())
					? properties.getConnectionName() : environment.getProperty("spring.application.name");
			Options options = new NatsOptionsFactory(properties, connectionDetails, connectionName).create(
					new CompositeConnectionListener(allConnectionListeners),
					new CompositeErrorListener(allErrorListeners), customizers.orderedStream());
			try {
				return connectionFactory.connect(options, properties.isFailFast());
			}
			catch (IOException ex) {
				throw failureRecorder.toConnectionException(ex, connectionDetails.getServers(),
						NatsAuthenticationMethod.of(connectionDetails), describeTls(properties, options));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while connecting to NATS", ex);
			}
		}

		@Bean
		@ConditionalOnMissingBean
		NatsPermissionViolations natsPermissionViolations(
				ObjectProvider<NatsPermissionViolationListener> permissionViolationListeners) {
			return new NatsPermissionViolations(permissionViolationListeners.orderedStream().toList());
		}

		@Bean
		NatsConnectionLifecycle natsConnectionLifecycle(Connection natsConnection, NatsProperties properties) {
			return new NatsConnectionLifecycle(natsConnection, properties.getDrainTimeout());
		}

		private static String describeTls(NatsProperties properties, Options options) {
			if (StringUtils.hasText(properties.getSsl().getBundle())) {
				return "SSL bundle '" + properties.getSsl().getBundle() + "'";
			}
			return options.isTLSRequired() ? "the JVM's default trust store" : null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class NatsSanitizingConfiguration {

		@Bean
		SanitizingFunction natsCredentialsSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyEquals("nats.password", "nats.token", "nats.nkey");
		}

	}

}
