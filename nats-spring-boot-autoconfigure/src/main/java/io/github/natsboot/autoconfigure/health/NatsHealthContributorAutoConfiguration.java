package io.github.natsboot.autoconfigure.health;

import java.util.List;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
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
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

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
	NatsHealthIndicator natsHealthIndicator(Connection connection,
			ObjectProvider<JetStreamProvisioner> provisioner,
			ObjectProvider<NatsListenerEndpointRegistry> listenerRegistry,
			ObjectProvider<NatsLeaderElectionRegistry> leaderElectionRegistry) {
		return NatsHealthIndicator.builder(connection)
			.definitions(() -> definitions(provisioner.getIfAvailable()))
			.listeners(listenerRegistry.getIfUnique())
			.leaderElections(leaderElectionRegistry.getIfUnique())
			.build();
	}

	private static List<JetStreamDefinition> definitions(JetStreamProvisioner provisioner) {
		return (provisioner != null) ? provisioner.getDefinitions() : List.of();
	}

}
