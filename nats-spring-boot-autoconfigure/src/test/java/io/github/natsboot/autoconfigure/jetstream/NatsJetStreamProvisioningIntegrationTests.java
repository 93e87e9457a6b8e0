package io.github.natsboot.autoconfigure.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.core.NatsLifecyclePhases;
import io.github.natsboot.jetstream.ConsumerDefinition;
import io.github.natsboot.jetstream.JetStreamAdmin;
import io.github.natsboot.jetstream.KeyValueDefinition;
import io.github.natsboot.jetstream.StreamDefinition;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsCluster;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for provisioning at startup against real {@code nats-server} processes: the
 * application context is started again and again against the same server, as an
 * application would be redeployed. Each test works on streams named after it.
 */
@EmbeddedNats
@ExtendWith(OutputCaptureExtension.class)
class NatsJetStreamProvisioningIntegrationTests {

	private final NatsServer server;

	private String name;

	NatsJetStreamProvisioningIntegrationTests(NatsServer server) {
		this.server = server;
	}

	@BeforeEach
	void nameAfter(TestInfo test) {
		this.name = test.getTestMethod().orElseThrow().getName();
	}

	@Test
	void provisioningIsIdempotentAcrossApplicationAndServerRestarts(CapturedOutput output) throws Exception {
		String[] properties = { stream("subjects=" + this.name + ".>"), stream("max-age=1d"), stream("max-bytes=64MB"),
				stream("duplicate-window=1m"), stream("description=Orders"),
				stream("consumers.billing.filter-subjects=" + this.name + ".paid"),
				stream("consumers.billing.max-deliver=4"), stream("consumers.billing.backoff=1s,5s,30s"),
				stream("consumers.billing.max-ack-pending=10"), "nats.jetstream.key-value." + this.name + ".ttl=90s",
				"nats.jetstream.key-value." + this.name + ".history=3" };
		ApplicationContextRunner runner = runner(this.server).withPropertyValues(properties);
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Created stream '" + this.name + "'")
			.contains("Created consumer 'billing' of stream '" + this.name + "'")
			.contains("Created key-value bucket '" + this.name + "'");
		int logged = output.getAll().length();
		runner.run((context) -> assertThat(context).hasNotFailed());
		this.server.restart();
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll().substring(logged)).doesNotContain("Created ").doesNotContain("Updated ");
	}

	@Test
	void aChangedPropertyIsUpdatedAtStartupAndLoggedWithItsOldAndNewValue(CapturedOutput output) {
		runner(this.server)
			.withPropertyValues(stream("subjects=" + this.name + ".>"), stream("max-age=1h"),
					stream("consumers.billing.ack-wait=30s"))
			.run((context) -> assertThat(context).hasNotFailed());
		runner(this.server)
			.withPropertyValues(stream("subjects=" + this.name + ".>"), stream("max-age=2h"),
					stream("consumers.billing.ack-wait=45s"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				StreamConfiguration stream = management(context).getStreamInfo(this.name).getConfiguration();
				assertThat(stream.getMaxAge()).isEqualTo(Duration.ofHours(2));
			});
		assertThat(output).contains("Updated stream '" + this.name + "': max-age changed from 1h to 2h")
			.contains("Updated consumer 'billing' of stream '" + this.name + "': ack-wait changed from 30s to 45s");
	}

	@Test
	void aChangeTheServerCannotMakeFailsStartupNamingThePropertyAndChangesNothing() throws Exception {
		runner(this.server).withPropertyValues(stream("subjects=" + this.name + ".>"), stream("max-age=1h"))
			.run((context) -> assertThat(context).hasNotFailed());
		runner(this.server)
			.withPropertyValues(stream("subjects=" + this.name + ".>"), stream("max-age=2h"), stream("storage=memory"))
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("nats.jetstream.streams." + this.name + ".storage: cannot be changed on an existing stream")
					.doesNotContain("max-age");
				assertThat(analysis.getAction()).contains("Nothing was changed");
			});
		StreamConfiguration stream = streamOnServer(this.server, this.name);
		assertThat(stream.getStorageType()).isEqualTo(StorageType.File);
		assertThat(stream.getMaxAge()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void validateModeFailsOnDriftAndMissingDefinitionsListingEachAndChangesNothing() throws Exception {
		runner(this.server).withPropertyValues(stream("subjects=" + this.name + ".>"), stream("max-age=1h"))
			.run((context) -> assertThat(context).hasNotFailed());
		runner(this.server)
			.withPropertyValues("nats.jetstream.provisioning.mode=validate", stream("subjects=" + this.name + ".>"),
					stream("max-age=2h"), stream("max-msgs=100"), stream("consumers.billing.max-deliver=3"))
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				String prefix = "nats.jetstream.streams." + this.name;
				assertThat(analysis.getDescription()).contains(prefix + ".max-age: stream '" + this.name
						+ "' has 1h, the definition 2h")
					.contains(prefix + ".max-msgs: stream '" + this.name + "' has -1, the definition 100")
					.contains(prefix + ".consumers.billing: consumer 'billing' of stream '" + this.name
							+ "' does not exist");
				assertThat(analysis.getAction()).contains("validate");
			});
		assertThat(streamOnServer(this.server, this.name).getMaxAge()).isEqualTo(Duration.ofHours(1));
		runner(this.server)
			.withPropertyValues("nats.jetstream.provisioning.mode=validate", stream("subjects=" + this.name + ".>"),
					stream("max-age=1h"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void definitionBeansAreProvisionedWithTheProperties() {
		runner(this.server)
			.withBean("ordersStream", StreamDefinition.class,
					() -> StreamDefinition.builder(this.name).subjects(this.name + ".*").build())
			.withBean("auditConsumer", ConsumerDefinition.class,
					() -> ConsumerDefinition.builder(this.name, "audit").maxDeliver(2).build())
			.withBean("cartsBucket", KeyValueDefinition.class,
					() -> KeyValueDefinition.builder(this.name).history(4).build())
			.withPropertyValues(stream("consumers.billing.filter-subjects=" + this.name + ".paid"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JetStreamAdmin admin = context.getBean(JetStreamAdmin.class);
				assertThat(admin.streamExists(this.name)).isTrue();
				assertThat(admin.consumerExists(this.name, "audit")).isTrue();
				assertThat(admin.consumerExists(this.name, "billing")).isTrue();
				assertThat(admin.keyValueExists(this.name)).isTrue();
			});
	}

	@Test
	void streamsExistBeforeLifecycleComponentsSuchAsListenerContainersStart() {
		ListenerLike listener = new ListenerLike(this.name);
		runner(this.server).withPropertyValues(stream("subjects=" + this.name + ".>"))
			.withBean(ListenerLike.class, () -> listener)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(listener.streamExistedAtStart).containsExactly(true);
	}

	@Test
	void aDefinitionTheServerRejectsFailsStartupWithAClearMessage() {
		runner(this.server).withPropertyValues(stream("subjects=" + this.name + ".>"), stream("replicas=3"))
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("The NATS server rejected a JetStream definition")
				.contains("nats.jetstream.streams." + this.name + ".replicas: 3 replicas need a JetStream cluster"));
	}

	@Test
	void provisioningWaitsForTheConnectionWhenStartupDoesNotFailFast(CapturedOutput output) {
		try (NatsServer later = NatsServer.builder().start()) {
			later.stop();
			runner(later)
				.withPropertyValues("nats.fail-fast=false", "nats.reconnect.wait=50ms",
						stream("subjects=" + this.name + ".>"))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(output).contains("JetStream definitions will be provisioned once connected");
					later.restart();
					JetStreamAdmin admin = context.getBean(JetStreamAdmin.class);
					await().atMost(Duration.ofSeconds(10)).until(() -> connectedAndExists(context, admin));
				});
		}
	}

	@Test
	void aStreamWithThreeReplicasIsProvisionedOnAThreeNodeCluster(CapturedOutput output) {
		try (NatsCluster cluster = NatsCluster.start(3)) {
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsJetStreamAutoConfiguration.class))
				.withPropertyValues("nats.servers=" + cluster.getUrls(), stream("subjects=" + this.name + ".>"),
						stream("replicas=3"), stream("consumers.billing.max-deliver=3"),
						"nats.jetstream.key-value." + this.name + ".replicas=3");
			runner.run((context) -> {
				assertThat(context).hasNotFailed();
				JetStreamManagement management = management(context);
				assertThat(management.getStreamInfo(this.name).getConfiguration().getReplicas()).isEqualTo(3);
				assertThat(management.getConsumerInfo(this.name, "billing").getClusterInfo().getReplicas())
					.hasSize(2);
			});
			int logged = output.getAll().length();
			runner.run((context) -> assertThat(context).hasNotFailed());
			assertThat(output.getAll().substring(logged)).doesNotContain("Created ").doesNotContain("Updated ");
		}
	}

	private String stream(String property) {
		return "nats.jetstream.streams." + this.name + "." + property;
	}

	private static ApplicationContextRunner runner(NatsServer server) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsJetStreamAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl());
	}

	private boolean connectedAndExists(AssertableApplicationContext context, JetStreamAdmin admin) {
		return context.getBean(Connection.class).getStatus() == Connection.Status.CONNECTED
				&& admin.streamExists(this.name);
	}

	private static JetStreamManagement management(AssertableApplicationContext context) throws Exception {
		return context.getBean(Connection.class).jetStreamManagement();
	}

	private static StreamConfiguration streamOnServer(NatsServer server, String name) throws Exception {
		try (Connection connection = Nats.connect(Options.builder().server(server.getUrl()).build())) {
			return connection.jetStreamManagement().getStreamInfo(name).getConfiguration();
		}
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		return analyzers.stream()
			.map((analyzer) -> analyzer.analyze(context.getStartupFailure()))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Starts in the late phase listener containers use, and records whether the stream
	 * exists then.
	 */
	static class ListenerLike implements SmartLifecycle, ApplicationContextAware {

		private final String stream;

		private final List<Boolean> streamExistedAtStart = new ArrayList<>();

		private ApplicationContext context;

		private volatile boolean running;

		ListenerLike(String stream) {
			this.stream = stream;
		}

		@Override
		public void setApplicationContext(ApplicationContext context) {
			this.context = context;
		}

		@Override
		public void start() {
			this.streamExistedAtStart.add(this.context.getBean(JetStreamAdmin.class).streamExists(this.stream));
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return NatsLifecyclePhases.LISTENERS;
		}

	}

}
