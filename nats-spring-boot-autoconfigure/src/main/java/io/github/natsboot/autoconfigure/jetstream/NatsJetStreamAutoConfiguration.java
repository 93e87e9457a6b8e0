package io.github.natsboot.autoconfigure.jetstream;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsConnectionNames;
import io.github.natsboot.autoconfigure.NatsConnectionQualifiers;
import io.github.natsboot.autoconfigure.NatsNamedConnectionBeans;
import io.github.natsboot.jetstream.JetStreamAdmin;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.nats.client.Connection;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link JetStreamAdmin} and the provisioning, at startup, of the
 * streams, consumers and key-value buckets defined under {@code nats.jetstream.*} and as
 * {@link JetStreamDefinition} beans.
 */
@AutoConfiguration(after = NatsAutoConfiguration.class)
@ConditionalOnClass(Connection.class)
@ConditionalOnBean(Connection.class)
@EnableConfigurationProperties(NatsJetStreamProperties.class)
public final class NatsJetStreamAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JetStreamAdmin jetStreamAdmin(Connection connection) {
		return new JetStreamAdmin(connection);
	}

	@Bean(JetStreamProvisioner.BEAN_NAME)
	@ConditionalOnMissingBean(name = JetStreamProvisioner.BEAN_NAME)
	JetStreamProvisioner natsJetStreamProvisioner(JetStreamAdmin jetStreamAdmin, Connection connection,
			NatsJetStreamProperties properties, ListableBeanFactory beanFactory) {
		return provisioner(NatsConnectionNames.DEFAULT, jetStreamAdmin, connection, properties, beanFactory);
	}

	@Bean
	static NatsNamedConnectionBeans natsNamedConnectionJetStream() {
		return NatsNamedConnectionBeans
			.of("JetStreamAdmin", JetStreamAdmin.class,
					(connection, beanFactory) -> new JetStreamAdmin(
							NatsNamedConnectionBeans.connection(beanFactory, connection.name())))
			.and("NatsJetStreamProvisioner", JetStreamProvisioner.class,
					(connection, beanFactory) -> provisioner(connection.name(),
							beanFactory.getBean(NatsConnectionNames.beanName(connection.name(), "JetStreamAdmin"),
									JetStreamAdmin.class),
							NatsNamedConnectionBeans.connection(beanFactory, connection.name()), connection.jetStream(),
							beanFactory));
	}

	private static JetStreamProvisioner provisioner(String connectionName, JetStreamAdmin jetStreamAdmin,
			Connection connection, NatsJetStreamProperties properties, ListableBeanFactory beanFactory) {
		Map<String, JetStreamDefinition> beans = new LinkedHashMap<>();
		beanFactory.getBeansOfType(JetStreamDefinition.class).forEach((name, definition) -> {
			if (NatsConnectionQualifiers.belongsTo(beanFactory, name, connectionName)) {
				beans.put(name, definition);
			}
		});
		DefinitionOrigins origins = DefinitionOrigins.merge(
				NatsConnectionNames.propertyPrefix(connectionName) + "jetstream.", PropertiesJetStreamDefinitions.of(properties),
				beans);
		return new JetStreamProvisioner(jetStreamAdmin, connection, properties.getProvisioning().getMode(), origins);
	}

}
