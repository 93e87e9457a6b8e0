package io.github.natsboot.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.health.NatsHealthContributorAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.health.NatsHealthIndicator;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server killed with {@code kill -9} while a producer publishes to JetStream and
 * listeners consume, then restarted on the same port and store. The JetStream half of
 * this is also measured, with more messages, by
 * {@code JetStreamListenerFaultIntegrationTests}; this test adds a core listener and
 * checks the health indicator during and after the outage.
 */
class ServerCrashReliabilityTests {

	private static final int MESSAGES = 2000;

	@Test
	void everyAcknowledgedMessageIsProcessedAndCoreListenersResumeAfterAKillAndRestart() throws Exception {
		try (NatsServer server = NatsServer.builder().start()) {
			try (Connection admin = Nats.connect(server.getUrl())) {
				admin.jetStreamManagement()
					.addStream(StreamConfiguration.builder()
						.name("CRASH")
						.subjects("crash.js.>")
						.storageType(StorageType.File)
						.build());
			}
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class,
						NatsTemplateAutoConfiguration.class, NatsListenerAutoConfiguration.class,
						NatsHealthContributorAutoConfiguration.class, JacksonAutoConfiguration.class))
				.withUserConfiguration(Listeners.class)
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.reconnect.wait=100ms",
						"nats.template.jetstream.publish-timeout=1s", "nats.drain-timeout=5s",
						"nats.listener.stop-timeout=5s");
			runner.run((context) -> {
				NatsTemplate template = context.getBean(NatsTemplate.class);
				Listeners listeners = context.getBean(Listeners.class);
				Set<String> acked = ConcurrentHashMap.newKeySet();
				AtomicInteger publishFailures = new AtomicInteger();
				Thread producer = new Thread(() -> {
					for (int i = 0; i < MESSAGES; i++) {
						String id = "m-" + i;
						Messages.publishUntilAcknowledged(template, "crash.js.orders", id, publishFailures,
								Duration.ofSeconds(30));
						acked.add(id);
						Messages.sleep(1);
					}
				}, "crash-producer");
				producer.start();
				awaitCoreDelivery(template, listeners, "before");
				await().atMost(Duration.ofSeconds(20)).until(() -> listeners.processed.size() > MESSAGES / 4);

				NatsHealthIndicator health = context.getBean(NatsHealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				server.kill();
				await().atMost(Duration.ofSeconds(5)).until(() -> health.health().getStatus().equals(Status.DOWN));
				Thread.sleep(1000);
				assertThat(health.health().getStatus()).as("health while the server is down").isEqualTo(Status.DOWN);
				server.restart();
				long restartedAt = System.nanoTime();
				long coreResumedMillis = awaitCoreDelivery(template, listeners, "after");
				await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));

				producer.join(Duration.ofSeconds(60).toMillis());
				assertThat(acked).hasSize(MESSAGES);
				await().atMost(Duration.ofSeconds(60)).until(() -> listeners.processed.keySet().containsAll(acked));
				long jetStreamResumedMillis = Duration.ofNanos(listeners.processed.values()
					.stream()
					.mapToLong(Long::longValue)
					.filter((time) -> time > restartedAt)
					.min()
					.orElseThrow() - restartedAt).toMillis();
				int lost = MESSAGES - (int) acked.stream().filter(listeners.processed::containsKey).count();
				int duplicates = listeners.invocations.get() - listeners.processed.size();
				ReliabilityFigures.report("server kill -9 and restart (JetStream + core listener)",
						"sent %d / acked %d / processed %d / lost %d / duplicates %d; %d publish retries; JetStream "
								+ "listener resumed %d ms and core listener %d ms after the restart",
						MESSAGES, acked.size(), listeners.processed.size(), lost, duplicates, publishFailures.get(),
						jetStreamResumedMillis, coreResumedMillis);
				assertThat(lost).isZero();
				assertThat(jetStreamResumedMillis).isLessThan(10_000);
				assertThat(coreResumedMillis).isLessThan(10_000);
			});
		}
	}

	/**
	 * Publishes core messages until the core listener receives one.
	 * @return the milliseconds it took
	 */
	private static long awaitCoreDelivery(NatsTemplate template, Listeners listeners, String prefix) {
		long start = System.nanoTime();
		AtomicLong sent = new AtomicLong();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
			try {
				template.publish("crash.core", prefix + "-" + sent.incrementAndGet());
			}
			catch (RuntimeException ex) {
				// not connected yet and the reconnect buffer is full: try again
			}
			return listeners.core.keySet().stream().anyMatch((text) -> text.startsWith(prefix));
		});
		return Messages.millisSince(start);
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		final Map<String, Long> processed = new ConcurrentHashMap<>();

		final AtomicInteger invocations = new AtomicInteger();

		final Map<String, Long> core = new ConcurrentHashMap<>();

		@NatsListener(id = "crash-jetstream", stream = "CRASH", subjects = "crash.js.>", concurrency = "2")
		void onStreamMessage(String id) {
			this.invocations.incrementAndGet();
			this.processed.putIfAbsent(id, System.nanoTime());
		}

		@NatsListener(id = "crash-core", subjects = "crash.core")
		void onCoreMessage(String text) {
			this.core.putIfAbsent(text, System.nanoTime());
		}

	}

}
