package io.github.natsboot.autoconfigure;

import io.github.natsboot.core.NatsConnectionFactory;
import io.github.natsboot.core.NatsPermissionViolationListener;
import io.github.natsboot.core.NatsPermissionViolations;
import io.nats.client.Connection;

import org.springframework.beans.factory.ListableBeanFactory;
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

	@Bean
	static NatsNamedConnectionBeans natsNamedConnectionBeans() {
		return NatsNamedConnectionBeans
			.of("NatsConnection", Connection.class,
					(connection, beanFactory) -> new NatsConnectionCreator(beanFactory,
							beanFactory.getBean(NatsConnectionFactory.class), beanFactory.getBean(Environment.class))
						.connect(connection.name(), connection.properties(),
								new PropertiesNatsConnectionDetails(connection.properties(),
										beanFactory.getBeanProvider(SslBundles.class).getIfAvailable(),
										connection.name())))
			.and("NatsConnectionLifecycle", NatsConnectionLifecycle.class,
					(connection, beanFactory) -> new NatsConnectionLifecycle(
							NatsNamedConnectionBeans.connection(beanFactory, connection.name()),
							connection.properties().getDrainTimeout()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Connection.class)
	static class NatsConnectionConfiguration {

		@Bean
		Connection natsConnection(NatsProperties properties, NatsConnectionDetails connectionDetails,
				NatsConnectionFactory connectionFactory, Environment environment, ListableBeanFactory beanFactory) {
			return new NatsConnectionCreator(beanFactory, connectionFactory, environment)
				.connect(NatsConnectionNames.DEFAULT, properties, connectionDetails);
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

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class NatsSanitizingConfiguration {

		@Bean
		SanitizingFunction natsCredentialsSanitizingFunction() {
			return SanitizingFunction.sanitizeValue()
				.ifKeyEquals("nats.password", "nats.token", "nats.nkey")
				.ifKeyMatches("^nats\\.connections\\.[^.]+\\.(password|token|nkey)$");
		}

	}

}
