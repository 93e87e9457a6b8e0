package io.github.natsboot.autoconfigure.health;

import java.time.Duration;
import java.util.Map;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.health.NatsHealthIndicator;
import io.github.natsboot.objectstore.ObjectStoreOperations;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the object stores an application declares are covered by the {@code nats}
 * health contributor and the polled JetStream gauges, against a real
 * {@code nats-server}.
 */
@EmbeddedNats
class ObjectStoreHealthAndMetricsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	ObjectStoreHealthAndMetricsIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsJetStreamAutoConfiguration.class, NatsMetricsAutoConfiguration.class,
					JacksonAutoConfiguration.class, NatsHealthContributorAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.metrics.jetstream-poll-interval=200ms");
	}

	@Test
	void aDeclaredObjectStoreIsPresentInTheHealthAndItsDeletionMakesTheHealthDown() throws Exception {
		this.contextRunner.withPropertyValues("nats.jetstream.object-stores.health-archive.storage=memory")
			.run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(map(map(health.getDetails(), "jetStream"), "objectStores")).containsEntry("health-archive",
						"present");
				try (Connection admin = Nats.connect(this.server.getUrl())) {
					admin.objectStoreManagement().delete("health-archive");
				}
				Health down = health(context);
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(map(map(down.getDetails(), "jetStream"), "objectStores")).containsEntry("health-archive",
						"missing");
			});
	}

	@Test
	void aDeclaredObjectStoreHasGaugesOfItsBytesAndMessages() {
		this.contextRunner.withPropertyValues("nats.jetstream.object-stores.metrics-archive.storage=memory")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				ObjectStoreOperations store = context.getBean(NatsTemplate.class).objectStore("metrics-archive");
				store.put("scan.pdf", new byte[300_000]);
				await().atMost(WAIT).untilAsserted(() -> {
					assertThat(gauge(registry, "nats.object.store.bytes").value()).isGreaterThan(300_000);
					assertThat(gauge(registry, "nats.object.store.messages").value()).isEqualTo(4);
				});
				store.delete("scan.pdf");
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(gauge(registry, "nats.object.store.bytes").value()).isLessThan(1000));
			});
	}

	private static Gauge gauge(MeterRegistry registry, String name) {
		Gauge gauge = registry.find(name).tag("bucket", "metrics-archive").gauge();
		assertThat(gauge).as(name).isNotNull();
		return gauge;
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(NatsHealthIndicator.class).health();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> details, String key) {
		assertThat(details).containsKey(key);
		return (Map<String, Object>) details.get(key);
	}

}
