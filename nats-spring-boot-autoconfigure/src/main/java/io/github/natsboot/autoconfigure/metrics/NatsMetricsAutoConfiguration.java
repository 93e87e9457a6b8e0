package io.github.natsboot.autoconfigure.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.natsboot.autoconfigure.NamedNatsConnectionsCondition;
import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsNamedConnectionBeans;
import io.github.natsboot.autoconfigure.NatsNamedConnections;
import io.github.natsboot.autoconfigure.NatsProperties;
import io.github.natsboot.autoconfigure.jetstream.JetStreamProvisioner;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.leader.NatsLeaderAutoConfiguration;
import io.github.natsboot.core.NatsTemplateMetrics;
import io.github.natsboot.jetstream.ConsumerDefinition;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.jetstream.ObjectStoreDefinition;
import io.github.natsboot.jetstream.StreamDefinition;
import io.github.natsboot.leader.NatsLeaderElectionRegistry;
import io.github.natsboot.listener.JetStreamNatsListenerContainer;
import io.github.natsboot.listener.NatsListenerContainer;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.listener.NatsListenerMetricsFactory;
import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.metrics.MicrometerNatsTemplateMetrics;
import io.github.natsboot.metrics.NatsConnectionMetrics;
import io.github.natsboot.metrics.NatsConnectionTag;
import io.github.natsboot.metrics.NatsJetStreamMetrics;
import io.github.natsboot.metrics.NatsJetStreamMetrics.ConsumerName;
import io.github.natsboot.metrics.NatsLeaderMetrics;
import io.github.natsboot.metrics.NatsSlowConsumerCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for NATS Micrometer metrics: connection meters, template and
 * listener meters registered once per template and listener, polled JetStream stream and
 * consumer gauges, and leader gauges. Applies when the application has a
 * {@link MeterRegistry}; {@code nats.metrics.enabled=false} turns it off.
 */
@AutoConfiguration(
		after = { NatsAutoConfiguration.class, NatsJetStreamAutoConfiguration.class,
				NatsLeaderAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, Connection.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "nats.metrics.enabled", matchIfMissing = true)
public final class NatsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NatsSlowConsumerCounter natsSlowConsumerCounter() {
		return new NatsSlowConsumerCounter();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Connection.class)
	NatsConnectionMetrics natsConnectionMetrics(Connection connection, NatsSlowConsumerCounter natsSlowConsumerCounter) {
		return new NatsConnectionMetrics(connection, natsSlowConsumerCounter, NatsConnectionTag.DEFAULT);
	}

	@Bean
	@ConditionalOnBean(Connection.class)
	@Conditional(NamedNatsConnectionsCondition.class)
	MeterBinder natsNamedConnectionMetrics(NatsSlowConsumerCounter natsSlowConsumerCounter,
			ConfigurableListableBeanFactory beanFactory) {
		return (registry) -> {
			for (String name : NatsNamedConnections.of(beanFactory).names()) {
				new NatsConnectionMetrics(NatsNamedConnectionBeans.connection(beanFactory, name),
						natsSlowConsumerCounter, name)
					.bindTo(registry);
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	NatsTemplateMetrics natsTemplateMetrics(MeterRegistry meterRegistry) {
		return new MicrometerNatsTemplateMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	NatsListenerMetricsFactory natsListenerMetricsFactory(MeterRegistry meterRegistry) {
		return new MicrometerNatsListenerMetricsFactory(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Connection.class)
	NatsJetStreamMetrics natsJetStreamMetrics(Connection connection, NatsProperties properties,
			ObjectProvider<JetStreamProvisioner> provisioner, ObjectProvider<NatsListenerEndpointRegistry> listeners) {
		return new NatsJetStreamMetrics(connection, properties.getMetrics().getJetstreamPollInterval(),
				() -> configuredStreams(provisioner.getIfAvailable()),
				() -> watchedConsumers(provisioner.getIfAvailable(), listeners.getIfAvailable()),
				() -> configuredObjectStores(provisioner.getIfAvailable()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(NatsLeaderElectionRegistry.class)
	NatsLeaderMetrics natsLeaderMetrics(NatsLeaderElectionRegistry natsLeaderElectionRegistry) {
		return new NatsLeaderMetrics(natsLeaderElectionRegistry);
	}

	private static Collection<String> configuredStreams(JetStreamProvisioner provisioner) {
		List<String> streams = new ArrayList<>();
		for (JetStreamDefinition definition : definitions(provisioner)) {
			if (definition instanceof StreamDefinition stream) {
				streams.add(stream.getName());
			}
		}
		return streams;
	}

	private static Collection<String> configuredObjectStores(JetStreamProvisioner provisioner) {
		List<String> objectStores = new ArrayList<>();
		for (JetStreamDefinition definition : definitions(provisioner)) {
			if (definition instanceof ObjectStoreDefinition objectStore) {
				objectStores.add(objectStore.getBucket());
			}
		}
		return objectStores;
	}

	private static Collection<ConsumerName> watchedConsumers(JetStreamProvisioner provisioner,
			NatsListenerEndpointRegistry listeners) {
		Set<ConsumerName> consumers = new LinkedHashSet<>();
		for (JetStreamDefinition definition : definitions(provisioner)) {
			if (definition instanceof StreamDefinition stream) {
				stream.getConsumers().forEach((consumer) -> consumers.add(consumerName(consumer)));
			}
			else if (definition instanceof ConsumerDefinition consumer) {
				consumers.add(consumerName(consumer));
			}
		}
		if (listeners != null) {
			for (NatsListenerContainer container : listeners.getListenerContainers()) {
				if (container instanceof JetStreamNatsListenerContainer jetStream
						&& jetStream.getConsumerName() != null) {
					consumers.add(new ConsumerName(jetStream.getStreamName(), jetStream.getConsumerName()));
				}
			}
		}
		return consumers;
	}

	private static ConsumerName consumerName(ConsumerDefinition consumer) {
		return new ConsumerName(consumer.getStream(), consumer.getDurable());
	}

	private static List<JetStreamDefinition> definitions(JetStreamProvisioner provisioner) {
		return (provisioner != null) ? provisioner.getDefinitions() : List.of();
	}

}
