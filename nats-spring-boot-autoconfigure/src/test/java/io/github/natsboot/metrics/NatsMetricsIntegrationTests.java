package io.github.natsboot.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.leader.NatsLeaderAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsNoRespondersException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.listener.NatsListenerErrorHandler;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@EmbeddedNats
class NatsMetricsIntegrationTests {

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	NatsMetricsIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsJetStreamAutoConfiguration.class,
					NatsLeaderAutoConfiguration.class, NatsMetricsAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=10s", "nats.metrics.jetstream-poll-interval=200ms");
	}

	@BeforeEach
	void deleteStreams() throws Exception {
		TestStreams.deleteAll(this.server.getUrl());
	}

	@Test
	void coreListenerAndTemplateMetricsCountAThousandMessagesWithFailures() {
		this.contextRunner.withUserConfiguration(CoreListeners.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (int i = 0; i < 1000; i++) {
				template.publish("metrics.core", new Item(i));
			}
			for (int i = 0; i < 10; i++) {
				assertThat(template.request("echo.metrics", "hello " + i, String.class)).isEqualTo("hello " + i);
			}
			assertThatExceptionOfType(NatsNoRespondersException.class)
				.isThrownBy(() -> template.request("nobody.home", "anyone?", String.class));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> registry.get("nats.listener.process").tag("listener.id", "core").timers().stream()
					.mapToLong((timer) -> timer.count())
					.sum() == 1000);
			assertThat(processed(registry, "core", "success")).isEqualTo(900);
			assertThat(processed(registry, "core", "failure")).isEqualTo(100);
			assertThat(processed(registry, "core", "not-convertible")).isZero();
			assertThat(registry.get("nats.listener.process").tags("listener.id", "core").timers())
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("subject")).isEqualTo("metrics.*"));
			assertThat(registry.find("nats.listener.acknowledgements").tag("listener.id", "core").counters()).isEmpty();
			assertThat(registry.get("nats.template.publish").tag("outcome", "success").counter().count())
				.isEqualTo(1000);
			assertThat(sent(registry, "nats.template.request", "outcome", "success")).isEqualTo(10);
			assertThat(sent(registry, "nats.template.request", "outcome", "no-responders")).isEqualTo(1);
			assertThat(registry.get("nats.connection.messages").tag("direction", "out").functionCounter().count())
				.isGreaterThanOrEqualTo(1021);
			assertThat(registry.get("nats.connection.messages").tag("direction", "in").functionCounter().count())
				.isGreaterThanOrEqualTo(1020);
			assertThat(registry.get("nats.connection.bytes").tag("direction", "out").functionCounter().count())
				.isGreaterThan(1000 * 10);
			assertThat(registry.get("nats.connection.status").tag("status", "connected").gauge().value()).isEqualTo(1);
			assertThat(registry.get("nats.connection.status").tag("status", "closed").gauge().value()).isZero();
		});
	}

	@Test
	void jetStreamListenerMetricsCountAcksNaksTermsAndDeadLettersExactly() {
		this.contextRunner.withUserConfiguration(JetStreamListeners.class)
			.withPropertyValues("nats.jetstream.streams.ORDERS.subjects=orders.>",
					"nats.jetstream.streams.ORDERS.consumers.billing.filter-subjects=orders.>",
					"nats.jetstream.streams.ORDERS.consumers.billing.max-deliver=2",
					"nats.jetstream.streams.DLQ.subjects=dlq.>")
			.run((context) -> {
				NatsTemplate template = context.getBean(NatsTemplate.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
				for (int i = 0; i < 1000; i++) {
					acks.add(template.publishToStreamAsync("orders.created", new Item(i)));
				}
				Headers json = new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json");
				for (int i = 0; i < 10; i++) {
					acks.add(template.publishToStreamAsync("orders.bad", "{not json".getBytes(StandardCharsets.UTF_8),
							json, null));
				}
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
				assertThat(sent(registry, "nats.template.stream.publish", "outcome", "success")).isEqualTo(1010);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> gauge(registry, "nats.consumer.pending", "stream", "ORDERS", "consumer", "billing"),
							(pending) -> pending == 1010);
				context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("billing").start();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> counted(registry, "nats.listener.dead.letters", "reason", "max-deliveries") == 100
							&& counted(registry, "nats.listener.dead.letters", "reason", "not-convertible") == 10
							&& counted(registry, "nats.listener.acknowledgements", "type", "ack") == 900);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> gauge(registry, "nats.consumer.ack.pending", "stream", "ORDERS", "consumer",
							"billing") == 0
							&& gauge(registry, "nats.consumer.pending", "stream", "ORDERS", "consumer", "billing") == 0
							&& gauge(registry, "nats.stream.messages", "stream", "DLQ") == 110);
				assertThat(counted(registry, "nats.listener.acknowledgements", "type", "ack")).isEqualTo(900);
				assertThat(counted(registry, "nats.listener.acknowledgements", "type", "nak")).isEqualTo(100);
				assertThat(counted(registry, "nats.listener.acknowledgements", "type", "term")).isEqualTo(110);
				assertThat(counted(registry, "nats.listener.dead.letters", "reason", "max-deliveries")).isEqualTo(100);
				assertThat(counted(registry, "nats.listener.dead.letters", "reason", "not-convertible")).isEqualTo(10);
				assertThat(processed(registry, "billing", "success")).isEqualTo(900);
				assertThat(processed(registry, "billing", "failure")).isEqualTo(200);
				assertThat(processed(registry, "billing", "not-convertible")).isEqualTo(10);
				assertThat(gauge(registry, "nats.stream.messages", "stream", "ORDERS")).isEqualTo(1010);
				assertThat(gauge(registry, "nats.stream.bytes", "stream", "ORDERS")).isGreaterThan(1010 * 10);
				assertThat(registry.get("nats.listener.acknowledgements").counters())
					.allSatisfy((counter) -> assertThat(counter.getId().getTags()).contains(
							io.micrometer.core.instrument.Tag.of("stream", "ORDERS"),
							io.micrometer.core.instrument.Tag.of("subject", "ORDERS")));
			});
	}

	@Test
	void slowConsumersAndDroppedMessagesAreCountedFromTheClient() {
		this.contextRunner.run((context) -> {
			Connection connection = context.getBean(Connection.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			CountDownLatch release = new CountDownLatch(1);
			Dispatcher dispatcher = connection.createDispatcher((message) -> release.await());
			dispatcher.setPendingLimits(5, 1024 * 1024);
			dispatcher.subscribe("metrics.slow");
			try {
				for (int i = 0; i < 100; i++) {
					connection.publish("metrics.slow", new byte[16]);
				}
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.get("nats.connection.dropped").functionCounter().count() > 0
							&& registry.get("nats.connection.slow.consumers").functionCounter().count() >= 1);
			}
			finally {
				release.countDown();
				connection.closeDispatcher(dispatcher);
			}
		});
	}

	@Test
	void leaderGaugeIsOneOnTheLeaderOfItsGroup() {
		this.contextRunner.withPropertyValues("nats.leader.enabled=true", "nats.leader.group=metrics-group")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.get("nats.leader").tag("group", "metrics-group").gauge().value() == 1);
			});
	}

	@Test
	void disabledMetricsRegisterNoNatsMeters() {
		this.contextRunner.withPropertyValues("nats.metrics.enabled=false")
			.withUserConfiguration(CoreListeners.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(NatsTemplate.class).publish("metrics.core", new Item(1));
				assertThat(registry.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("nats."));
			});
	}

	private static long processed(MeterRegistry registry, String listenerId, String outcome) {
		return registry.get("nats.listener.process").tags("listener.id", listenerId, "outcome", outcome).timer().count();
	}

	private static long sent(MeterRegistry registry, String name, String... tags) {
		return registry.get(name).tags(tags).timer().count();
	}

	private static double counted(MeterRegistry registry, String name, String... tags) {
		return registry.get(name).tags(Tags.of(tags).and("listener.id", "billing")).counter().count();
	}

	private static double gauge(MeterRegistry registry, String name, String... tags) {
		return registry.get(name).tags(tags).gauge().value();
	}

	record Item(int number) {
	}

	static NatsListenerErrorHandler quietErrorHandler() {
		return (message, exception) -> null;
	}

	@Configuration(proxyBeanMethods = false)
	static class CoreListeners {

		@Bean
		NatsListenerErrorHandler quietErrors() {
			return quietErrorHandler();
		}

		@NatsListener(id = "core", subjects = "metrics.*")
		void handle(Item item) {
			if (item.number() % 10 == 0) {
				throw new IllegalStateException("cannot handle " + item.number());
			}
		}

		@NatsListener(id = "echo", subjects = "echo.metrics")
		String echo(String text) {
			return text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JetStreamListeners {

		@Bean
		NatsListenerErrorHandler quietErrors() {
			return quietErrorHandler();
		}

		@NatsListener(id = "billing", stream = "ORDERS", consumer = "billing", backoff = "10ms", autoStartup = "false")
		void bill(Item item) {
			if (item.number() % 10 == 0) {
				throw new IllegalStateException("cannot bill " + item.number());
			}
		}

	}

}
