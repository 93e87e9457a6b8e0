package io.github.natsboot.listener;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JetStreamListenerFaultIntegrationTests {

	@Test
	void serverKilledAndRestartedMidConsumptionLosesNothingAndConsumptionResumesWithinFiveSeconds() throws Exception {
		try (NatsServer server = NatsServer.builder().start()) {
			try (Connection admin = Nats.connect(server.getUrl())) {
				admin.jetStreamManagement()
					.addStream(StreamConfiguration.builder()
						.name("FAULT")
						.subjects("fault.>")
						.storageType(StorageType.File)
						.build());
			}
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class,
						NatsTemplateAutoConfiguration.class, NatsListenerAutoConfiguration.class,
						JacksonAutoConfiguration.class))
				.withUserConfiguration(RecordingListener.class)
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.reconnect.wait=100ms",
						"nats.template.jetstream.publish-timeout=1s", "nats.drain-timeout=5s");
			runner.run((context) -> {
				NatsTemplate template = context.getBean(NatsTemplate.class);
				RecordingListener listener = context.getBean(RecordingListener.class);
				Set<String> acked = ConcurrentHashMap.newKeySet();
				AtomicInteger publishFailures = new AtomicInteger();
				int messages = 3000;
				Thread producer = new Thread(() -> {
					for (int i = 0; i < messages; i++) {
						String id = "m-" + i;
						publishUntilAcknowledged(template, id, publishFailures);
						acked.add(id);
						sleepQuietly(1);
					}
				}, "producer");
				producer.start();
				await().atMost(Duration.ofSeconds(20)).until(() -> listener.processed.size() > messages / 4);
				server.kill();
				Thread.sleep(1000);
				server.restart();
				long restartedAt = System.nanoTime();
				producer.join(Duration.ofSeconds(60).toMillis());
				assertThat(acked).hasSize(messages);
				long restart = restartedAt;
				await().atMost(Duration.ofSeconds(60)).until(() -> listener.processed.keySet().containsAll(acked));
				long firstAfterRestart = listener.processed.values()
					.stream()
					.mapToLong(Long::longValue)
					.filter((time) -> time > restart)
					.min()
					.orElseThrow();
				Duration resumed = Duration.ofNanos(firstAfterRestart - restart);
				int duplicates = listener.invocations.get() - listener.processed.size();
				System.out.printf("kill -9 and restart: %d published and acked, %d processed, 0 lost, %d redelivered,"
						+ " %d publish retries during the outage, consumption resumed %d ms after the restart%n",
						acked.size(), listener.processed.size(), duplicates, publishFailures.get(), resumed.toMillis());
				assertThat(listener.processed.keySet()).containsAll(acked);
				assertThat(resumed).isLessThan(Duration.ofSeconds(5));
			});
		}
	}

	private static void publishUntilAcknowledged(NatsTemplate template, String id, AtomicInteger failures) {
		PublishOptions options = PublishOptions.builder().messageId(id).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try {
				template.publishToStream("fault.orders", id, null, options);
				return;
			}
			catch (RuntimeException ex) {
				failures.incrementAndGet();
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				sleepQuietly(100);
			}
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingListener {

		final Map<String, Long> processed = new ConcurrentHashMap<>();

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(id = "fault-listener", stream = "FAULT", subjects = "fault.>", concurrency = "2")
		void onMessage(String id) throws InterruptedException {
			this.invocations.incrementAndGet();
			Thread.sleep(1);
			this.processed.putIfAbsent(id, System.nanoTime());
		}

	}

}
