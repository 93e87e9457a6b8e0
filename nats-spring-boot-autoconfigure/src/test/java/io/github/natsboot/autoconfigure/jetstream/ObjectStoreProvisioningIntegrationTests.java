package io.github.natsboot.autoconfigure.jetstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.jetstream.JetStreamAdmin;
import io.github.natsboot.jetstream.ObjectStoreDefinition;
import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsCluster;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StorageType;
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
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the provisioning of object stores at startup, from
 * {@code nats.jetstream.object-stores.*} and from {@link ObjectStoreDefinition} beans,
 * against a real {@code nats-server}. Each test works on buckets named after it.
 */
@EmbeddedNats
@ExtendWith(OutputCaptureExtension.class)
class ObjectStoreProvisioningIntegrationTests {

	private final NatsServer server;

	private String name;

	ObjectStoreProvisioningIntegrationTests(NatsServer server) {
		this.server = server;
	}

	@BeforeEach
	void nameAfter(TestInfo test) {
		this.name = test.getTestMethod().orElseThrow().getName();
	}

	@Test
	void anObjectStoreIsCreatedFromPropertiesWithItsSettingsAndOnlyOnce(CapturedOutput output) throws Exception {
		ApplicationContextRunner runner = runner(this.server).withPropertyValues(bucket("ttl=1h"),
				bucket("storage=memory"), bucket("max-bytes=64MB"), bucket("description=Invoices"),
				bucket("compression=false"));
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Created object store '" + this.name + "'");
		ObjectStoreStatus status = statusOnServer(this.server, this.name);
		assertThat(status.getTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(status.getStorageType()).isEqualTo(StorageType.Memory);
		assertThat(status.getMaxBucketSize()).isEqualTo(64L * 1024 * 1024);
		assertThat(status.getDescription()).isEqualTo("Invoices");
		assertThat(status.isCompressed()).isFalse();
		int logged = output.getAll().length();
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll().substring(logged)).doesNotContain("Created ").doesNotContain("Updated ");
	}

	@Test
	void aChangedSettingIsUpdatedAtStartupKeepingTheObjects(CapturedOutput output) throws Exception {
		runner(this.server).withPropertyValues(bucket("ttl=1h"), bucket("max-bytes=8MB"))
			.run((context) -> assertThat(context).hasNotFailed());
		try (Connection connection = Nats.connect(this.server.getUrl())) {
			connection.objectStore(this.name).put("kept", "still here".getBytes(StandardCharsets.UTF_8));
		}
		runner(this.server).withPropertyValues(bucket("ttl=2h"), bucket("max-bytes=16MB"), bucket("description=New"))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Updated object store '" + this.name + "': ttl changed from 1h to 2h")
			.contains("Updated object store '" + this.name + "': max-bytes changed from 8388608 to 16777216")
			.contains("Updated object store '" + this.name + "': description changed from (not set) to 'New'");
		ObjectStoreStatus status = statusOnServer(this.server, this.name);
		assertThat(status.getTtl()).isEqualTo(Duration.ofHours(2));
		assertThat(status.getMaxBucketSize()).isEqualTo(16L * 1024 * 1024);
		assertThat(status.getDescription()).isEqualTo("New");
		try (Connection connection = Nats.connect(this.server.getUrl())) {
			assertThat(connection.objectStore(this.name).getInfo("kept").getSize()).isEqualTo(10);
		}
	}

	@Test
	void aStorageChangeFailsStartupNamingThePropertyAndChangesNothing() throws Exception {
		runner(this.server).withPropertyValues(bucket("ttl=1h")).run((context) -> assertThat(context).hasNotFailed());
		runner(this.server).withPropertyValues(bucket("ttl=2h"), bucket("storage=memory")).run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription())
				.contains("nats.jetstream.object-stores." + this.name
						+ ".storage: cannot be changed on an existing object store (object store '" + this.name
						+ "' has file, the definition memory)")
				.doesNotContain(".ttl");
			assertThat(analysis.getAction()).contains("Nothing was changed");
		});
		ObjectStoreStatus status = statusOnServer(this.server, this.name);
		assertThat(status.getStorageType()).isEqualTo(StorageType.File);
		assertThat(status.getTtl()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void validateModeReportsDriftAndMissingObjectStoresAndChangesNothing() throws Exception {
		runner(this.server).withPropertyValues(bucket("ttl=1h")).run((context) -> assertThat(context).hasNotFailed());
		String missing = this.name + "-missing";
		runner(this.server)
			.withPropertyValues("nats.jetstream.provisioning.mode=validate", bucket("ttl=2h"),
					bucket("description=Drifted"), "nats.jetstream.object-stores." + missing + ".ttl=1h")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				String prefix = "nats.jetstream.object-stores." + this.name;
				assertThat(analysis.getDescription())
					.contains("JetStream configuration on the server does not match the definitions")
					.contains(prefix + ".ttl: object store '" + this.name + "' has 1h, the definition 2h")
					.contains(prefix + ".description: object store '" + this.name
							+ "' has (not set), the definition 'Drifted'")
					.contains("nats.jetstream.object-stores." + missing + ": object store '" + missing
							+ "' does not exist");
				assertThat(analysis.getAction()).contains("validate");
			});
		assertThat(statusOnServer(this.server, this.name).getTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(statusOnServer(this.server, missing)).isNull();
		runner(this.server).withPropertyValues("nats.jetstream.provisioning.mode=validate", bucket("ttl=1h"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void modeNoneCreatesNoObjectStoreButStillChecksTheDefinitions() throws Exception {
		runner(this.server).withPropertyValues("nats.jetstream.provisioning.mode=none", bucket("ttl=1h"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JetStreamAdmin.class).objectStoreExists(this.name)).isFalse();
			});
		assertThat(statusOnServer(this.server, this.name)).isNull();
		runner(this.server).withPropertyValues("nats.jetstream.provisioning.mode=none", bucket("ttl=-1s"))
			.run((context) -> assertThat(analysis(context).getDescription()).contains("Invalid JetStream definition")
				.contains("nats.jetstream.object-stores." + this.name + ".ttl: must not be negative, was -1s"));
	}

	@Test
	void invalidSettingsFailStartupNamingEachProperty() {
		runner(this.server)
			.withPropertyValues(bucket("replicas=6"), bucket("max-bytes=0B"))
			.withBean("badBucket", ObjectStoreDefinition.class, () -> ObjectStoreDefinition.builder("bad.name").build())
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("object-stores.bad.name (bean 'badBucket'): 'bad.name' is not a valid object store name")
					.contains("nats.jetstream.object-stores." + this.name + ".replicas: must be between 1 and 5, was 6")
					.contains("nats.jetstream.object-stores." + this.name
							+ ".max-bytes: must be greater than 0, or -1 for unlimited, was 0");
				assertThat(analysis.getAction()).contains("ObjectStoreDefinition");
			});
	}

	@Test
	void compressionIsGuardedByTheServerVersion() throws Exception {
		boolean release210;
		try (Connection connection = Nats.connect(this.server.getUrl())) {
			release210 = connection.getServerInfo().isSameOrNewerThanVersion("2.10.0");
		}
		String version = serverVersion();
		runner(this.server).withPropertyValues(bucket("compression=true")).run((context) -> {
			if (release210) {
				assertThat(context).hasNotFailed();
			}
			else {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("The NATS server rejected a JetStream definition")
					.contains("nats.jetstream.object-stores." + this.name
							+ ".compression: needs nats-server 2.10 or later, but the server is " + version);
			}
		});
		ObjectStoreStatus status = statusOnServer(this.server, this.name);
		if (release210) {
			assertThat(status.isCompressed()).isTrue();
		}
		else {
			assertThat(status).isNull();
			runner(this.server).withPropertyValues(bucket("storage=memory")).run((context) -> assertThat(context).hasNotFailed());
			runner(this.server)
				.withPropertyValues("nats.jetstream.provisioning.mode=validate", bucket("compression=true"))
				.run((context) -> assertThat(analysis(context).getDescription())
					.contains("nats.jetstream.object-stores." + this.name + ".compression: object store '" + this.name
							+ "' has false, the definition true"));
		}
	}

	@Test
	void objectStoreDefinitionBeansAreProvisionedAndMayNotRepeatAProperty() throws Exception {
		runner(this.server)
			.withBean("archiveBucket", ObjectStoreDefinition.class,
					() -> ObjectStoreDefinition.builder(this.name).ttl(Duration.ofDays(7)).storage(Storage.MEMORY).build())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JetStreamAdmin.class).objectStoreExists(this.name)).isTrue();
			});
		assertThat(statusOnServer(this.server, this.name).getTtl()).isEqualTo(Duration.ofDays(7));
		runner(this.server).withPropertyValues(bucket("ttl=7d"))
			.withBean("archiveBucket", ObjectStoreDefinition.class, () -> ObjectStoreDefinition.builder(this.name).build())
			.run((context) -> assertThat(analysis(context).getDescription()).contains("nats.jetstream.object-stores."
					+ this.name + ": is defined both in properties and by bean 'archiveBucket'"));
	}

	@Test
	void aDriftedBeanDefinitionIsReportedWithItsBeanName() {
		runner(this.server).withPropertyValues(bucket("ttl=1h")).run((context) -> assertThat(context).hasNotFailed());
		runner(this.server).withPropertyValues("nats.jetstream.provisioning.mode=validate")
			.withBean("archiveBucket", ObjectStoreDefinition.class,
					() -> ObjectStoreDefinition.builder(this.name).ttl(Duration.ofHours(3)).build())
			.run((context) -> assertThat(analysis(context).getDescription()).contains("object-stores." + this.name
					+ ".ttl (bean 'archiveBucket'): object store '" + this.name + "' has 1h, the definition 3h"));
	}

	@Test
	void aNamedConnectionProvisionsItsOwnObjectStoresOnItsServer() throws Exception {
		try (NatsServer archive = NatsServer.builder().name("archive").start()) {
			runner(this.server)
				.withPropertyValues("nats.connections.archive.servers=" + archive.getUrl(),
						"nats.connections.archive.jetstream.object-stores." + this.name + ".ttl=12h")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean("archiveJetStreamAdmin", JetStreamAdmin.class)
						.objectStoreExists(this.name)).isTrue();
				});
			assertThat(statusOnServer(archive, this.name).getTtl()).isEqualTo(Duration.ofHours(12));
			assertThat(statusOnServer(this.server, this.name)).isNull();
			runner(this.server)
				.withPropertyValues("nats.connections.archive.servers=" + archive.getUrl(),
						"nats.connections.archive.jetstream.provisioning.mode=validate",
						"nats.connections.archive.jetstream.object-stores." + this.name + ".ttl=1d")
				.run((context) -> assertThat(analysis(context).getDescription())
					.contains("nats.connections.archive.jetstream.object-stores." + this.name + ".ttl: object store '"
							+ this.name + "' has 12h, the definition 1d"));
		}
	}

	@Test
	void replicasNeedACluster(CapturedOutput output) throws Exception {
		runner(this.server).withPropertyValues(bucket("replicas=3"))
			.run((context) -> assertThat(analysis(context).getDescription()).contains("nats.jetstream.object-stores."
					+ this.name + ".replicas: 3 replicas need a JetStream cluster"));
		assertThat(statusOnServer(this.server, this.name)).isNull();
		try (NatsCluster cluster = NatsCluster.start(3)) {
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(NatsAutoConfiguration.class, NatsJetStreamAutoConfiguration.class))
				.withPropertyValues("nats.servers=" + cluster.getUrls(), bucket("replicas=3"));
			runner.run((context) -> {
				assertThat(context).hasNotFailed();
				ObjectStoreStatus status = context.getBean(Connection.class)
					.objectStoreManagement()
					.getStatus(this.name);
				assertThat(status.getReplicas()).isEqualTo(3);
			});
			int logged = output.getAll().length();
			runner.run((context) -> assertThat(context).hasNotFailed());
			assertThat(output.getAll().substring(logged)).doesNotContain("Created ").doesNotContain("Updated ");
		}
	}

	private String bucket(String property) {
		return "nats.jetstream.object-stores." + this.name + "." + property;
	}

	private String serverVersion() throws Exception {
		try (Connection connection = Nats.connect(this.server.getUrl())) {
			return connection.getServerInfo().getVersion();
		}
	}

	private static ApplicationContextRunner runner(NatsServer server) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsJetStreamAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl());
	}

	private static ObjectStoreStatus statusOnServer(NatsServer server, String bucket) throws Exception {
		try (Connection connection = Nats.connect(server.getUrl())) {
			return connection.objectStoreManagement().getStatus(bucket);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == 10059) {
				return null;
			}
			throw ex;
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

}
