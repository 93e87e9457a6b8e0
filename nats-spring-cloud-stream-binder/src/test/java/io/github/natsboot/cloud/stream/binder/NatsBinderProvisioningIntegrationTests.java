package io.github.natsboot.cloud.stream.binder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.cloud.stream.provisioning.ProvisioningException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Provisioning of bindings against a real server: destinations and streams that fail
 * startup with the binder's failure analysis, the consumer of an anonymous JetStream
 * binding, and the binder on a named connection.
 */
class NatsBinderProvisioningIntegrationTests {

	private static NatsServer server;

	private static Connection admin;

	private static JetStreamManagement management;

	@BeforeAll
	static void startServer() throws Exception {
		server = NatsServer.builder().jetStream(true).name("binder-provisioning").start();
		admin = Nats.connect(server.getUrl());
		management = admin.jetStreamManagement();
	}

	@AfterAll
	static void stopServer() throws InterruptedException {
		if (admin != null) {
			admin.close();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aConsumerDestinationThatIsNotAValidSubjectFailsStartupWithTheProvisionersMessage() {
		Throwable failure = startupFailure("spring.cloud.function.definition=listen",
				"spring.cloud.stream.bindings.listen-in-0.destination=orders..placed");

		ProvisioningException provisioning = provisioningCause(failure);
		assertThat(provisioning).hasMessageStartingWith("Destination 'orders..placed' is not a valid NATS subject");
		assertAnalysis(failure, provisioning);
	}

	@Test
	void aJetStreamBindingToAMissingStreamThatMayNotBeCreatedFailsStartupNamingTheStreamsProperty() {
		Throwable failure = startupFailure("spring.cloud.function.definition=listen",
				"spring.cloud.stream.bindings.listen-in-0.destination=missing.events",
				"spring.cloud.stream.bindings.listen-in-0.group=auditors",
				"spring.cloud.stream.nats.bindings.listen-in-0.consumer.stream=MISSING",
				"spring.cloud.stream.nats.binder.auto-create-streams=false");

		ProvisioningException provisioning = provisioningCause(failure);
		assertThat(provisioning).hasMessageContaining("Stream 'MISSING'")
			.hasMessageContaining("does not exist")
			.hasMessageContaining("nats.jetstream.streams.MISSING");
		assertAnalysis(failure, provisioning);
	}

	@Test
	void aJetStreamBindingToAStreamThatDoesNotCaptureTheDestinationFailsStartupSayingSo() {
		Throwable failure = startupFailure("spring.cloud.function.definition=listen",
				"nats.jetstream.streams.PAYMENTS.subjects=payments.>",
				"spring.cloud.stream.bindings.listen-in-0.destination=refunds.issued",
				"spring.cloud.stream.bindings.listen-in-0.group=auditors",
				"spring.cloud.stream.nats.bindings.listen-in-0.consumer.stream=PAYMENTS");

		ProvisioningException provisioning = provisioningCause(failure);
		assertThat(provisioning)
			.hasMessageStartingWith("Stream 'PAYMENTS' does not capture destination 'refunds.issued'");
		assertAnalysis(failure, provisioning);
	}

	@Test
	void theFailureAnalyzerLeavesProvisioningFailuresOfOtherBindersAlone() {
		Throwable failure = new IllegalStateException("binding failed", new ProvisioningException("no such topic"));

		assertThat(binderFailureAnalyzer().analyze(failure)).isNull();
	}

	@Test
	void aBindingWithoutAGroupGetsAConsumerOfItsOwnAtNewMessagesThatIsDeletedWhenTheContextCloses()
			throws Exception {
		management.addStream(StreamConfiguration.builder()
			.name("ANONYMOUS")
			.subjects("anonymous.>")
			.storageType(StorageType.Memory)
			.build());
		admin.jetStream().publish("anonymous.events", "before".getBytes(StandardCharsets.UTF_8));
		assertThat(management.getConsumerNames("ANONYMOUS")).isEmpty();

		try (ConfigurableApplicationContext context = run("spring.cloud.function.definition=listen",
				"spring.cloud.stream.bindings.listen-in-0.destination=anonymous.events",
				"spring.cloud.stream.nats.bindings.listen-in-0.consumer.stream=ANONYMOUS")) {
			List<String> consumers = management.getConsumerNames("ANONYMOUS");
			assertThat(consumers).singleElement().asString().startsWith("anonymous-");
			assertThat(management.getConsumerInfo("ANONYMOUS", consumers.get(0))
				.getConsumerConfiguration()
				.getDeliverPolicy()).isEqualTo(DeliverPolicy.New);

			admin.jetStream().publish("anonymous.events", "after".getBytes(StandardCharsets.UTF_8));

			List<String> received = context.getBean(BindingApplication.class).received;
			await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("after"));
			assertThat(received).containsExactly("after");
		}
		assertThat(management.getConsumerNames("ANONYMOUS")).isEmpty();
	}

	@Test
	void theBinderOnANamedConnectionReceivesAndPublishesOnThatConnectionsServer() throws Exception {
		try (NatsServer eventsServer = NatsServer.builder().jetStream(false).name("binder-events").start();
				Connection client = Nats.connect(eventsServer.getUrl())) {
			Subscription greeted = client.subscribe("greeted");
			client.flush(Duration.ofSeconds(2));
			try (ConfigurableApplicationContext context = run("spring.cloud.function.definition=upper",
					"nats.connections.events.servers=" + eventsServer.getUrl(),
					"spring.cloud.stream.nats.binder.connection=events",
					"spring.cloud.stream.bindings.upper-in-0.destination=greetings",
					"spring.cloud.stream.bindings.upper-out-0.destination=greeted")) {
				Connection events = context.getBean("eventsNatsConnection", Connection.class);
				events.flush(Duration.ofSeconds(2));
				long received = events.getStatistics().getInMsgs();

				client.publish("greetings", "hello".getBytes(StandardCharsets.UTF_8));

				Message reply = greeted.nextMessage(Duration.ofSeconds(10));
				assertThat(reply).isNotNull();
				assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("HELLO");
				assertThat(events.getStatistics().getInMsgs()).isGreaterThan(received);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(meters.find(MicrometerNatsListenerMetricsFactory.PROCESS)
						.tags("listener.id", "upper-in-0", "connection", "events")
						.timer()).isNotNull());
			}
		}
	}

	private static ConfigurableApplicationContext run(String... properties) {
		List<String> all = new ArrayList<>(List.of("nats.servers=" + server.getUrl(), "nats.drain-timeout=2s",
				"spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(BindingApplication.class).properties(all.toArray(String[]::new)).run();
	}

	/**
	 * Start an application that should fail. Spring Cloud Stream retries a consumer
	 * binding that fails every {@code binding-retry-interval} (30 s by default) instead
	 * of failing startup, so that interval is turned off.
	 */
	private static Throwable startupFailure(String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("spring.cloud.stream.binding-retry-interval=0");
		Throwable failure = catchThrowable(() -> run(all.toArray(String[]::new)).close());
		assertThat(failure).as("startup failure").isNotNull();
		return failure;
	}

	private static ProvisioningException provisioningCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ProvisioningException provisioning) {
				return provisioning;
			}
		}
		throw new AssertionError("No ProvisioningException in the cause chain of " + failure, failure);
	}

	private static void assertAnalysis(Throwable failure, ProvisioningException provisioning) {
		FailureAnalysis analysis = binderFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(provisioning.getMessage());
		assertThat(analysis.getAction()).contains("spring.cloud.stream.bindings.<binding>.destination")
			.contains("spring.cloud.stream.nats.bindings.<binding>.consumer.stream")
			.contains("nats.jetstream.streams.<name>.subjects")
			.contains("spring.cloud.stream.nats.binder.auto-create-streams");
	}

	private static FailureAnalyzer binderFailureAnalyzer() {
		return SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))
			.stream()
			.filter(NatsBinderProvisioningFailureAnalyzer.class::isInstance)
			.findFirst()
			.orElseThrow(() -> new AssertionError("NatsBinderProvisioningFailureAnalyzer is not registered"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BindingApplication {

		final List<String> received = new CopyOnWriteArrayList<>();

		@Bean
		Consumer<String> listen() {
			return this.received::add;
		}

		@Bean
		Function<String, String> upper() {
			return (text) -> text.toUpperCase(Locale.ROOT);
		}

	}

}
