package io.github.natsboot.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.test.NatsCluster;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A three-node cluster with a stream replicated on all three: the node the application
 * is connected to is killed while a producer publishes and a {@link NatsListener}
 * consumes.
 */
class ClusterFailoverReliabilityTests {

	private static final int MESSAGES = 1500;

	@Test
	void killingTheConnectedNodeOfAThreeNodeClusterLosesNoAcknowledgedMessageAndTheClientFailsOver()
			throws Exception {
		try (NatsCluster cluster = NatsCluster.builder().nodes(3).start()) {
			Options adminOptions = new Options.Builder().servers(cluster.getUrlList().toArray(String[]::new)).build();
			try (Connection admin = Nats.connect(adminOptions)) {
				admin.jetStreamManagement()
					.addStream(StreamConfiguration.builder()
						.name("REPLICATED")
						.subjects("replicated.>")
						.storageType(StorageType.File)
						.replicas(3)
						.build());
			}
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class,
						NatsTemplateAutoConfiguration.class, NatsListenerAutoConfiguration.class,
						JacksonAutoConfiguration.class))
				.withUserConfiguration(ReplicatedListener.class)
				.withPropertyValues("nats.servers=" + cluster.getUrls(), "nats.reconnect.wait=100ms",
						"nats.template.jetstream.publish-timeout=2s", "nats.drain-timeout=5s",
						"nats.listener.stop-timeout=5s");
			runner.run((context) -> {
				NatsTemplate template = context.getBean(NatsTemplate.class);
				Connection connection = context.getBean(Connection.class);
				ReplicatedListener listener = context.getBean(ReplicatedListener.class);
				Set<String> acked = ConcurrentHashMap.newKeySet();
				AtomicInteger publishFailures = new AtomicInteger();
				Thread producer = new Thread(() -> {
					for (int i = 0; i < MESSAGES; i++) {
						String id = "r-" + i;
						Messages.publishUntilAcknowledged(template, "replicated.orders", id, publishFailures,
								Duration.ofSeconds(60));
						acked.add(id);
						Messages.sleep(1);
					}
				}, "replicated-producer");
				producer.start();
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.processed.size() > MESSAGES / 4);

				NatsServer connectedNode = connectedNode(cluster, connection);
				long reconnectsBefore = connection.getStatistics().getReconnects();
				connectedNode.kill();
				long killedAt = System.nanoTime();
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> connection.getStatus() == Connection.Status.CONNECTED
							&& connection.getStatistics().getReconnects() > reconnectsBefore);
				long failoverMillis = Messages.millisSince(killedAt);
				int processedAtKill = listener.processed.size();
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.processed.size() > processedAtKill);
				long consumptionResumedMillis = Messages.millisSince(killedAt);

				producer.join(Duration.ofSeconds(90).toMillis());
				assertThat(acked).hasSize(MESSAGES);
				await().atMost(Duration.ofSeconds(60)).until(() -> listener.processed.keySet().containsAll(acked));
				int lost = MESSAGES - (int) acked.stream().filter(listener.processed::containsKey).count();
				int duplicates = listener.invocations.get() - listener.processed.size();
				ReliabilityFigures.report("3-node cluster, R3 stream, connected node killed",
						"sent %d / acked %d / processed %d / lost %d / duplicates %d; %d publish retries; client "
								+ "reconnected to another node in %d ms, consumption went on %d ms after the kill",
						MESSAGES, acked.size(), listener.processed.size(), lost, duplicates, publishFailures.get(),
						failoverMillis, consumptionResumedMillis);
				assertThat(connection.getConnectedUrl()).doesNotEndWith(":" + connectedNode.getPort());
				assertThat(lost).isZero();
				assertThat(failoverMillis).isLessThan(15_000);
			});
		}
	}

	private static NatsServer connectedNode(NatsCluster cluster, Connection connection) {
		String connectedUrl = connection.getConnectedUrl();
		return cluster.getNodes()
			.stream()
			.filter((node) -> connectedUrl.endsWith(":" + node.getPort()))
			.findFirst()
			.orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class ReplicatedListener {

		final Map<String, Long> processed = new ConcurrentHashMap<>();

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(id = "replicated", stream = "REPLICATED", subjects = "replicated.>", concurrency = "2")
		void onMessage(String id) {
			this.invocations.incrementAndGet();
			this.processed.putIfAbsent(id, System.nanoTime());
		}

	}

}
