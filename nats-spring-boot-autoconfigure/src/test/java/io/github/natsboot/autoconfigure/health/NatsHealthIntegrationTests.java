package io.github.natsboot.autoconfigure.health;

import java.time.Duration;
import java.util.Map;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.leader.NatsLeaderAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.health.NatsHealthIndicator;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.listener.NatsListenerBindingException;
import io.github.natsboot.listener.NatsListenerContainer;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the {@code nats} health contributor against real {@code nats-server}
 * processes: tests that kill, pause or delete things run a server of their own.
 */
@EmbeddedNats
class NatsHealthIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String ORDERS = "nats.jetstream.streams.ORDERS";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
				NatsJetStreamAutoConfiguration.class, NatsListenerAutoConfiguration.class,
				NatsLeaderAutoConfiguration.class, JacksonAutoConfiguration.class,
				NatsHealthContributorAutoConfiguration.class))
		.withPropertyValues("nats.drain-timeout=2s", "nats.listener.stop-timeout=2s", "nats.reconnect.wait=100ms");

	private final NatsServer server;

	NatsHealthIntegrationTests(NatsServer server) {
		this.server = server;
	}

	@Test
	void healthIsUpWithTheDetailsOfTheServerTheStreamsAndTheListeners() {
		this.contextRunner.withUserConfiguration(Listeners.class)
			.withPropertyValues("nats.servers=" + this.server.getUrl(), ORDERS + ".subjects=orders.>",
					ORDERS + ".storage=memory", ORDERS + ".consumers.billing.filter-subjects=orders.created",
					"nats.jetstream.key-value.carts.storage=memory")
			.run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				Map<String, Object> details = health.getDetails();
				assertThat(details).containsEntry("connection", "CONNECTED")
					.containsEntry("url", this.server.getUrl());
				assertThat(map(details, "server")).containsKeys("id", "name")
					.containsEntry("version", context.getBean(Connection.class).getServerInfo().getVersion());
				assertThat((double) details.get("rttMillis")).isPositive().isLessThan(1000);
				Map<String, Object> jetStream = map(details, "jetStream");
				assertThat(jetStream).containsEntry("account", "reachable");
				assertThat(map(jetStream, "streams")).containsEntry("ORDERS", "present");
				assertThat(map(jetStream, "consumers")).containsEntry("ORDERS.billing", "present");
				assertThat(map(jetStream, "buckets")).containsEntry("carts", "present");
				assertThat(map(details, "listeners")).containsEntry("quotes", "running")
					.containsEntry("billing", "running");
				assertThat(details).doesNotContainKey("leaderElections");
			});
	}

	@Test
	void healthIsDownWhileTheServerIsKilledAndUpAgainAfterItRestarts() {
		try (NatsServer own = NatsServer.builder().start()) {
			this.contextRunner.withUserConfiguration(Listeners.class)
				.withPropertyValues("nats.servers=" + own.getUrl(), ORDERS + ".subjects=orders.>",
						ORDERS + ".consumers.billing.filter-subjects=orders.created")
				.run((context) -> {
					assertThat(health(context).getStatus()).isEqualTo(Status.UP);
					own.kill();
					await().atMost(WAIT).untilAsserted(() -> {
						Health health = health(context);
						assertThat(health.getStatus()).isEqualTo(Status.DOWN);
						assertThat(health.getDetails().get("connection")).isIn("DISCONNECTED", "RECONNECTING");
					});
					own.restart();
					await().atMost(WAIT).untilAsserted(() -> {
						Health health = health(context);
						assertThat(health.getStatus()).isEqualTo(Status.UP);
						assertThat(map(map(health.getDetails(), "jetStream"), "streams")).containsEntry("ORDERS",
								"present");
					});
				});
		}
	}

	@Test
	void healthIsDownWhenAConfiguredStreamIsDeletedBehindTheApplicationsBack() throws Exception {
		try (NatsServer own = NatsServer.builder().start(); Connection admin = Nats.connect(own.getUrl())) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + own.getUrl(), ORDERS + ".subjects=orders.>",
						ORDERS + ".storage=memory", ORDERS + ".consumers.billing.filter-subjects=orders.created")
				.run((context) -> {
					assertThat(health(context).getStatus()).isEqualTo(Status.UP);
					admin.jetStreamManagement().deleteStream("ORDERS");
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					Map<String, Object> jetStream = map(health.getDetails(), "jetStream");
					assertThat(map(jetStream, "streams")).containsEntry("ORDERS", "missing");
					assertThat(map(jetStream, "consumers")).containsEntry("ORDERS.billing", "missing");
				});
		}
	}

	@Test
	void healthIsDownWhileAListenerFailedToStartAndUpWhenItIsStoppedOnPurpose() throws Exception {
		try (Connection admin = Nats.connect(this.server.getUrl())) {
			this.contextRunner.withUserConfiguration(LateListener.class)
				.withPropertyValues("nats.servers=" + this.server.getUrl())
				.run((context) -> {
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(map(health.getDetails(), "listeners")).containsEntry("late", "stopped");

					NatsListenerContainer late = context.getBean(NatsListenerEndpointRegistry.class)
						.getListenerContainer("late");
					assertThatExceptionOfType(NatsListenerBindingException.class).isThrownBy(late::start);
					health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(map(health.getDetails(), "listeners")).containsEntry("late", "down: failed to start");

					admin.jetStreamManagement()
						.addStream(StreamConfiguration.builder()
							.name("LATE")
							.subjects("late.>")
							.storageType(StorageType.Memory)
							.build());
					late.start();
					health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(map(health.getDetails(), "listeners")).containsEntry("late", "running");
					assertThat(map(map(health.getDetails(), "jetStream"), "consumers")).containsEntry("LATE.late",
							"present");

					late.stop();
					health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(map(health.getDetails(), "listeners")).containsEntry("late", "stopped");
				});
		}
		finally {
			try (Connection admin = Nats.connect(this.server.getUrl())) {
				admin.jetStreamManagement().deleteStream("LATE");
			}
		}
	}

	@Test
	void listenersThatLostTheirSubscriptionsAreReportedWhenTheConnectionGaveUp() {
		try (NatsServer own = NatsServer.builder().jetStream(false).start()) {
			this.contextRunner.withUserConfiguration(CoreListener.class)
				.withPropertyValues("nats.servers=" + own.getUrl(), "nats.reconnect.max-attempts=0")
				.run((context) -> {
					Health healthy = health(context);
					assertThat(healthy.getStatus()).isEqualTo(Status.UP);
					assertThat(healthy.getDetails()).doesNotContainKey("jetStream");
					own.kill();
					await().atMost(WAIT)
						.until(() -> context.getBean(Connection.class).getStatus() == Connection.Status.CLOSED);
					own.restart();
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("connection", "CLOSED");
					assertThat(map(health.getDetails(), "listeners")).containsEntry("quotes",
							"down: not receiving messages");
				});
		}
	}

	@Test
	void theConnectedUrlIsShownWithoutCredentials() {
		try (NatsServer own = NatsServer.builder()
			.jetStream(false)
			.config("authorization { user: health, password: s3cret-pass }")
			.start()) {
			String url = "nats://health:s3cret-pass@127.0.0.1:" + own.getPort();
			this.contextRunner.withPropertyValues("nats.servers=" + url).run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("url", "nats://127.0.0.1:" + own.getPort());
				assertThat(health.getDetails().toString()).doesNotContain("s3cret-pass");
			});
		}
	}

	@Test
	void leaderElectionRolesAreDetails() {
		this.contextRunner
			.withPropertyValues("nats.servers=" + this.server.getUrl(), "nats.leader.enabled=true",
					"nats.leader.group=health-orders", "nats.leader.node-id=node-1",
					"nats.leader.bucket=health-leaders")
			.run((context) -> await().atMost(WAIT).untilAsserted(() -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				Map<String, Object> election = map(map(health.getDetails(), "leaderElections"), "health-orders");
				assertThat(election).containsEntry("role", "LEADER")
					.containsEntry("node", "node-1")
					.containsEntry("leader", "node-1");
				assertThat((long) election.get("fencingToken")).isPositive();
			}));
	}

	@Test
	void healthAnswersWithinItsTimeoutWhileTheServerIsPaused() {
		try (NatsServer own = NatsServer.builder().start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + own.getUrl()).run((context) -> {
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				own.pause();
				try {
					long start = System.nanoTime();
					Health health = health(context);
					Duration took = Duration.ofNanos(System.nanoTime() - start);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("connection", "CONNECTED")
						.containsEntry("error", "No answer from the server within 1000ms");
					assertThat(took).isGreaterThanOrEqualTo(NatsHealthIndicator.DEFAULT_TIMEOUT)
						.isLessThan(NatsHealthIndicator.DEFAULT_TIMEOUT.plusSeconds(2));
				}
				finally {
					own.resume();
				}
				await().atMost(WAIT).until(() -> health(context).getStatus() == Status.UP);
			});
		}
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(NatsHealthIndicator.class).health();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> details, String key) {
		assertThat(details).containsKey(key);
		return (Map<String, Object>) details.get(key);
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		@NatsListener(id = "quotes", subjects = "quotes")
		String quote(String order) {
			return "quote for " + order;
		}

		@NatsListener(id = "billing", stream = "ORDERS", consumer = "billing")
		void bill(String order) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LateListener {

		@NatsListener(id = "late", stream = "LATE", subjects = "late.>", autoStartup = "false")
		void late(String message) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CoreListener {

		@NatsListener(id = "quotes", subjects = "quotes")
		String quote(String order) {
			return "quote for " + order;
		}

	}

}
