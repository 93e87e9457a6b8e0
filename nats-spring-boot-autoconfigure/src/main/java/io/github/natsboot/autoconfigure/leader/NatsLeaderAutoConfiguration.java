package io.github.natsboot.autoconfigure.leader;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsConnectionNames;
import io.github.natsboot.autoconfigure.NatsNamedConnectionBeans;
import io.github.natsboot.autoconfigure.NatsNamedConnections;
import io.github.natsboot.leader.LeaderElectionSettings;
import io.github.natsboot.leader.LeaderOnlyBeanPostProcessor;
import io.github.natsboot.leader.NatsLeaderElection;
import io.github.natsboot.leader.NatsLeaderElectionRegistry;
import io.nats.client.Connection;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for leader election on a JetStream key-value bucket, enabled with
 * {@code nats.leader.enabled=true}. {@link io.github.natsboot.leader.LeaderOnly
 * @LeaderOnly} is processed in any case, so that it fails startup rather than being
 * ignored when election is not enabled.
 */
@AutoConfiguration(after = NatsAutoConfiguration.class)
@ConditionalOnClass(Connection.class)
@EnableConfigurationProperties(NatsLeaderProperties.class)
public final class NatsLeaderAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static LeaderOnlyBeanPostProcessor leaderOnlyBeanPostProcessor() {
		return new LeaderOnlyBeanPostProcessor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Connection.class)
	@ConditionalOnBooleanProperty("nats.leader.enabled")
	static class NatsLeaderElectionConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NatsLeaderElectionRegistry natsLeaderElectionRegistry(Connection connection, NatsLeaderProperties properties,
				Environment environment, ApplicationEventPublisher eventPublisher,
				ConfigurableListableBeanFactory beanFactory) {
			return new NatsLeaderElectionRegistry(electionConnection(connection, properties, beanFactory),
					settings(properties, environment), eventPublisher);
		}

		private static Connection electionConnection(Connection defaultConnection, NatsLeaderProperties properties,
				ConfigurableListableBeanFactory beanFactory) {
			String name = properties.getConnection();
			if (NatsConnectionNames.isDefault(name)) {
				return defaultConnection;
			}
			if (NatsNamedConnections.of(beanFactory).get(name) == null) {
				throw new InvalidConfigurationPropertyValueException("nats.leader.connection", name,
						"No connection of that name is configured under nats.connections");
			}
			return NatsNamedConnectionBeans.connection(beanFactory, name);
		}

		@Bean
		@ConditionalOnMissingBean
		NatsLeaderElection natsLeaderElection(NatsLeaderElectionRegistry natsLeaderElectionRegistry) {
			return natsLeaderElectionRegistry.getDefaultElection();
		}

		private static LeaderElectionSettings settings(NatsLeaderProperties properties, Environment environment) {
			boolean groupFromApplicationName = !StringUtils.hasText(properties.getGroup());
			String group = groupFromApplicationName ? applicationName(environment) : properties.getGroup();
			try {
				return LeaderElectionSettings.builder()
					.bucket(properties.getBucket())
					.group(group)
					.nodeId(properties.getNodeId())
					.ttl(properties.getTtl())
					.renewInterval(properties.getRenewInterval())
					.retryInterval(properties.getRetryInterval())
					.build();
			}
			catch (IllegalArgumentException ex) {
				String hint = groupFromApplicationName
						? " (the group is spring.application.name unless nats.leader.group is set)" : "";
				throw new IllegalStateException("Invalid nats.leader configuration: " + ex.getMessage() + hint, ex);
			}
		}

		private static String applicationName(Environment environment) {
			String applicationName = environment.getProperty("spring.application.name");
			if (!StringUtils.hasText(applicationName)) {
				throw new IllegalStateException(
						"Leader election needs a group: set nats.leader.group or spring.application.name");
			}
			return applicationName;
		}

	}

}
