package io.github.natsboot.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsboot.autoconfigure.NamedNatsConnectionsCondition;
import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsConnectionNames;
import io.github.natsboot.autoconfigure.NatsNamedConnectionBeans;
import io.github.natsboot.autoconfigure.NatsNamedConnections;
import io.github.natsboot.autoconfigure.jetstream.JetStreamProvisioner;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.leader.NatsLeaderAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.health.NatsHealthIndicator;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.leader.NatsLeaderElectionRegistry;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.nats.client.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code nats} health contributor: a
 * {@link NatsHealthIndicator} for the connection that also checks the provisioned
 * JetStream definitions, the listener containers and the leader elections when there are
 * any. Disabled with {@code management.health.nats.enabled=false}.
 */
@AutoConfiguration(before = HealthContributorAutoConfiguration.class,
		after = { NatsAutoConfiguration.class, NatsJetStreamAutoConfiguration.class,
				NatsListenerAutoConfiguration.class, NatsLeaderAutoConfiguration.class })
@ConditionalOnClass({ Connection.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(Connection.class)
@ConditionalOnEnabledHealthIndicator("nats")
public final class NatsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "natsHealthIndicator", "natsHealthContributor" })
	@Conditional(NamedNatsConnectionsCondition.None.class)
	NatsHealthIndicator natsHealthIndicator(Connection connection,
			ObjectProvider<JetStreamProvisioner> provisioner,
			ObjectProvider<NatsListenerEndpointRegistry> listenerRegistry,
			ObjectProvider<NatsLeaderElectionRegistry> leaderElectionRegistry) {
		return indicator(connection, null, provisioner.getIfAvailable(), listenerRegistry.getIfUnique(),
				leaderElectionRegistry.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean(name = { "natsHealthIndicator", "natsHealthContributor" })
	@Conditional(NamedNatsConnectionsCondition.class)
	CompositeHealthContributor natsHealthContributor(Connection connection,
			ObjectProvider<JetStreamProvisioner> provisioner,
			ObjectProvider<NatsListenerEndpointRegistry> listenerRegistry,
			ObjectProvider<NatsLeaderElectionRegistry> leaderElectionRegistry,
			ConfigurableListableBeanFactory beanFactory) {
		NatsListenerEndpointRegistry listeners = listenerRegistry.getIfUnique();
		NatsLeaderElectionRegistry elections = leaderElectionRegistry.getIfUnique();
		Map<String, HealthContributor> indicators = new LinkedHashMap<>();
		indicators.put(NatsConnectionNames.DEFAULT,
				indicator(connection, null, provisioner.getIfAvailable(), listeners, elections));
		for (String name : NatsNamedConnections.of(beanFactory).names()) {
			String provisionerName = NatsConnectionNames.beanName(name, "NatsJetStreamProvisioner");
			JetStreamProvisioner named = beanFactory.containsBean(provisionerName)
					? beanFactory.getBean(provisionerName, JetStreamProvisioner.class) : null;
			indicators.put(name, indicator(NatsNamedConnectionBeans.connection(beanFactory, name), name, named,
					listeners, elections));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	private static NatsHealthIndicator indicator(Connection connection, String connectionName,
			JetStreamProvisioner provisioner, NatsListenerEndpointRegistry listeners,
			NatsLeaderElectionRegistry elections) {
		return NatsHealthIndicator.builder(connection)
			.connectionName(connectionName)
			.definitions(() -> definitions(provisioner))
			.listeners(listeners)
			.leaderElections((elections != null && elections.getConnection() == connection) ? elections : null)
			.build();
	}

	private static List<JetStreamDefinition> definitions(JetStreamProvisioner provisioner) {
		return (provisioner != null) ? provisioner.getDefinitions() : List.of();
	}

}
