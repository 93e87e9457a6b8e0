package io.github.natsboot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsboot.autoconfigure.health.NatsHealthContributorAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.leader.NatsLeaderAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.autoconfigure.reactive.NatsReactiveAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.health.NatsHealthIndicator;
import io.github.natsboot.jetstream.JetStreamAdmin;
import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.github.natsboot.jetstream.StreamDefinition;
import io.github.natsboot.leader.NatsLeaderElectionRegistry;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.reactive.ReactiveNatsOperations;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with a default connection to a tenant server and a named connection,
 * {@code events}, to another server with other credentials, in one context: each has its
 * own template, listeners, JetStream provisioning, health entry, meters and shutdown.
 */
class NamedConnectionsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static NatsServer tenant;

	private static NatsServer events;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
				NatsJetStreamAutoConfiguration.class, NatsListenerAutoConfiguration.class,
				NatsLeaderAutoConfiguration.class, MetricsAutoConfiguration.class, NatsMetricsAutoConfiguration.class,
				JacksonAutoConfiguration.class,
				NatsHealthContributorAutoConfiguration.class, NatsReactiveAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("nats.servers=" + tenant.getUrl(), "nats.username=tenant",
				"nats.password=tenant-secret", "nats.drain-timeout=3s", "nats.listener.stop-timeout=3s",
				"nats.template.request-timeout=3s", "nats.connections.events.servers=" + events.getUrl(),
				"nats.connections.events.token=events-token",
				"nats.connections.events.jetstream.streams.EVENTS.subjects=events.>",
				"nats.connections.events.jetstream.streams.EVENTS.storage=memory");

	@BeforeAll
	static void startServers() {
		tenant = NatsServer.builder()
			.name("tenant")
			.config("authorization { user: tenant, password: tenant-secret }")
			.start();
		events = NatsServer.builder().name("events").config("authorization { token: events-token }").start();
	}

	@AfterAll
	static void stopServers() {
		tenant.close();
		events.close();
	}

	@Test
	void theDefaultConnectionIsInjectedUnqualifiedAndTheNamedOneWithItsQualifier() {
		this.contextRunner.withUserConfiguration(QualifiedInjection.class).run((context) -> {
			assertThat(context).hasNotFailed();
			QualifiedInjection injected = context.getBean(QualifiedInjection.class);
			assertThat(injected.connection.getConnectedUrl()).endsWith(":" + tenant.getPort());
			assertThat(injected.events.getConnectedUrl()).endsWith(":" + events.getPort());
			assertThat(injected.eventsTemplate).isSameAs(context.getBean("eventsNatsTemplate"))
				.isNotSameAs(injected.template);
			assertThat(BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), Connection.class,
					"events"))
				.isSameAs(injected.events);
		});
	}

	@Test
	void aNamedConnectionInheritsWhatItLeavesUnsetButNotTheDefaultConnectionsCredentials() {
		this.contextRunner.withPropertyValues("nats.connection-timeout=3s", "nats.connections.events.max-pings-out=7")
			.run((context) -> {
				Connection events = context.getBean("eventsNatsConnection", Connection.class);
				assertThat(events.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				assertThat(events.getOptions().getConnectionTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(events.getOptions().getMaxPingsOut()).isEqualTo(7);
				assertThat(context.getBean(Connection.class).getOptions().getMaxPingsOut()).isEqualTo(2);
			});
	}

	@Test
	void anUnqualifiedCustomizerAppliesToEveryConnectionAndAQualifiedOneToItsConnectionOnly() {
		this.contextRunner.withUserConfiguration(Customizers.class).run((context) -> {
			Options tenantOptions = context.getBean(Connection.class).getOptions();
			Options eventsOptions = context.getBean("eventsNatsConnection", Connection.class).getOptions();
			assertThat(tenantOptions.getMaxReconnect()).isEqualTo(42);
			assertThat(eventsOptions.getMaxReconnect()).isEqualTo(42);
			assertThat(eventsOptions.getConnectionName()).isEqualTo("events-only");
			assertThat(tenantOptions.getConnectionName()).isEqualTo("tenant-only");
		});
	}

	@Test
	void listenersAnswerOnTheConnectionTheyAreBoundToAndEachTemplateReachesItsOwnServer() {
		this.contextRunner.withUserConfiguration(Greeters.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			NatsTemplate eventsTemplate = context.getBean("eventsNatsTemplate", NatsTemplate.class);
			assertThat(template.request("greet", "ada", String.class)).isEqualTo("tenant:ada");
			assertThat(eventsTemplate.request("greet", "ada", String.class)).isEqualTo("events:ada");
			ReactiveNatsOperations reactiveEvents = BeanFactoryAnnotationUtils
				.qualifiedBeanOfType(context.getBeanFactory(), ReactiveNatsOperations.class, "events");
			assertThat(reactiveEvents.request("greet", "bob", String.class).block(WAIT)).isEqualTo("events:bob");
			assertThat(context.getBean(ReactiveNatsOperations.class).request("greet", "bob", String.class).block(WAIT))
				.isEqualTo("tenant:bob");
		});
	}

	@Test
	void jetStreamDefinitionsAreProvisionedOnTheirConnectionAndItsListenerAcksThere() {
		this.contextRunner.withUserConfiguration(EventRecorder.class, QualifiedStream.class)
			.withPropertyValues("nats.connections.events.jetstream.streams.EVENTS.consumers.recorder.ack-wait=10s")
			.run((context) -> {
			JetStreamAdmin eventsAdmin = context.getBean("eventsJetStreamAdmin", JetStreamAdmin.class);
			JetStreamAdmin tenantAdmin = context.getBean(JetStreamAdmin.class);
			assertThat(eventsAdmin.streamExists("EVENTS")).isTrue();
			assertThat(eventsAdmin.streamExists("AUDIT")).isTrue();
			assertThat(tenantAdmin.streamExists("EVENTS")).isFalse();
			assertThat(tenantAdmin.streamExists("AUDIT")).isFalse();
			assertThat(tenantAdmin.streamExists("TENANT")).isTrue();
			assertThat(eventsAdmin.streamExists("TENANT")).isFalse();
			context.getBean("eventsNatsTemplate", NatsTemplate.class).publishToStream("events.created", "e-1");
			EventRecorder recorder = context.getBean(EventRecorder.class);
			await().atMost(WAIT).until(() -> recorder.received.contains("e-1"));
			Connection events = context.getBean("eventsNatsConnection", Connection.class);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(events.jetStreamManagement()
					.getConsumerInfo("EVENTS", "recorder")
					.getAckFloor()
					.getStreamSequence()).isEqualTo(1));
		});
	}

	@Test
	void healthHasOneEntryPerConnectionWithItsOwnListeners() {
		this.contextRunner.withUserConfiguration(Greeters.class).run((context) -> {
			assertThat(context).doesNotHaveBean(NatsHealthIndicator.class);
			CompositeHealthContributor nats = context.getBean("natsHealthContributor",
					CompositeHealthContributor.class);
			HealthIndicator tenantHealth = (HealthIndicator) nats.getContributor("default");
			HealthIndicator eventsHealth = (HealthIndicator) nats.getContributor("events");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(tenantHealth.health().getStatus()).isEqualTo(Status.UP);
				assertThat(eventsHealth.health().getStatus()).isEqualTo(Status.UP);
			});
			assertThat(eventsHealth.health().getDetails()).containsEntry("url", events.getUrl());
			assertThat(listeners(tenantHealth)).containsOnlyKeys("tenantGreeter");
			assertThat(listeners(eventsHealth)).containsOnlyKeys("eventsGreeter");
			events.kill();
			try {
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(eventsHealth.health().getStatus()).isEqualTo(Status.DOWN));
				assertThat(tenantHealth.health().getStatus()).isEqualTo(Status.UP);
			}
			finally {
				events.restart();
			}
		});
	}

	@Test
	void metersOfTheNamedConnectionAreTaggedWithItsName() {
		this.contextRunner.withUserConfiguration(Greeters.class).run((context) -> {
			context.getBean("eventsNatsTemplate", NatsTemplate.class).request("greet", "ada", String.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("nats.connection.status")
				.tags("connection", "events", "status", "connected")
				.gauge()
				.value()).isEqualTo(1);
			assertThat(registry.get("nats.connection.status")
				.tags("connection", "default", "status", "connected")
				.gauge()
				.value()).isEqualTo(1);
			assertThat(registry.get("nats.template.request")
				.tags("connection", "events", "outcome", "success")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("nats.template.request")
				.tags("connection", "default", "outcome", "success")
				.timer()
				.count()).isZero();
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(registry.get("nats.listener.process")
					.tags("connection", "events", "listener.id", "eventsGreeter", "outcome", "success")
					.timer()
					.count()).isEqualTo(1));
		});
	}

	@Test
	void leaderElectionRunsOnTheConnectionItNames() {
		this.contextRunner
			.withPropertyValues("nats.leader.enabled=true", "nats.leader.connection=events", "nats.leader.group=jobs",
					"nats.leader.ttl=3s", "nats.leader.renew-interval=1s", "nats.leader.retry-interval=500ms")
			.run((context) -> {
				NatsLeaderElectionRegistry registry = context.getBean(NatsLeaderElectionRegistry.class);
				assertThat(registry.getConnection()).isSameAs(context.getBean("eventsNatsConnection"));
				await().atMost(WAIT).until(() -> registry.getDefaultElection().isLeader());
				Connection events = context.getBean("eventsNatsConnection", Connection.class);
				assertThat(events.keyValueManagement().getBucketNames()).contains("leader-election");
				assertThat(context.getBean(Connection.class).keyValueManagement().getBucketNames()).isEmpty();
			});
	}

	@Test
	void theNamedConnectionIsDrainedAndClosedOnShutdown() {
		Connection[] connections = new Connection[2];
		this.contextRunner.run((context) -> {
			connections[0] = context.getBean(Connection.class);
			connections[1] = context.getBean("eventsNatsConnection", Connection.class);
		});
		assertThat(connections[0].getStatus()).isEqualTo(Connection.Status.CLOSED);
		assertThat(connections[1].getStatus()).isEqualTo(Connection.Status.CLOSED);
	}

	@Test
	void wrongCredentialsOfTheNamedConnectionFailStartupWithAnAnalysisNamingIt() {
		this.contextRunner.withPropertyValues("nats.connections.events.token=wrong").run((context) -> {
			assertThat(context).hasFailed();
			NatsConnectionException failure = findCause(context.getStartupFailure(), NatsConnectionException.class);
			assertThat(failure.getConnection()).isEqualTo("events");
			assertThat(failure.getReason()).isEqualTo(NatsConnectionException.Reason.AUTHORIZATION);
			FailureAnalysis analysis = new NatsConnectionFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith("Connection 'events' (nats.connections.events)");
			assertThat(analysis.getAction()).contains("nats.connections.events.token")
				.doesNotContain("nats.token");
		});
	}

	@Test
	void aCredentialsFileOfTheNamedConnectionThatCannotBeReadIsReportedUnderItsProperty() {
		this.contextRunner.withPropertyValues("nats.connections.audit.servers=" + events.getUrl(),
				"nats.connections.audit.credentials=file:/does/not/exist.creds")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("nats.connections.audit.credentials")
					.hasStackTraceContaining("The credentials file cannot be read");
			});
	}

	@Test
	void aListenerBoundToAConnectionThatIsNotConfiguredFailsStartupNamingIt() {
		this.contextRunner.withUserConfiguration(MisboundListener.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("on the connection 'missing'")
				.hasStackTraceContaining("is it configured under nats.connections?");
		});
	}

	@Test
	void aConnectionNameThatCannotNameABeanIsRejected() {
		this.contextRunner.withPropertyValues("nats.connections.default.servers=" + events.getUrl())
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("nats.connections.default");
			});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> listeners(HealthIndicator indicator) {
		return (Map<String, Object>) indicator.health().getDetails().get("listeners");
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedInjection {

		final Connection connection;

		final Connection events;

		final NatsTemplate template;

		final NatsTemplate eventsTemplate;

		QualifiedInjection(Connection connection, @Qualifier("events") Connection events, NatsTemplate template,
				@Qualifier("events") NatsTemplate eventsTemplate) {
			this.connection = connection;
			this.events = events;
			this.template = template;
			this.eventsTemplate = eventsTemplate;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		NatsOptionsCustomizer everyConnection() {
			return (builder) -> builder.maxReconnects(42);
		}

		@Bean
		@Qualifier("events")
		NatsOptionsCustomizer eventsOnly() {
			return (builder) -> builder.connectionName("events-only");
		}

		@Bean
		@Qualifier("default")
		NatsOptionsCustomizer defaultOnly() {
			return (builder) -> builder.connectionName("tenant-only");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Greeters {

		@NatsListener(id = "tenantGreeter", subjects = "greet")
		String tenant(String name) {
			return "tenant:" + name;
		}

		@NatsListener(id = "eventsGreeter", subjects = "greet", connection = "events")
		String events(String name) {
			return "events:" + name;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventRecorder {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsListener(id = "recorder", connection = "events", stream = "EVENTS", consumer = "recorder",
				subjects = "events.>")
		void record(String event) {
			this.received.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedStream {

		@Bean
		@Qualifier("events")
		StreamDefinition auditStream() {
			return StreamDefinition.builder("AUDIT").subjects("audit.>").storage(Storage.MEMORY).build();
		}

		@Bean
		StreamDefinition tenantStream() {
			return StreamDefinition.builder("TENANT").subjects("tenant.>").storage(Storage.MEMORY).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MisboundListener {

		@NatsListener(subjects = "greet", connection = "missing")
		void greet(String name) {
		}

	}

}
