package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.List;

import io.github.natsboot.jetstream.ConsumerDefinition.DeliverPolicy;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Reason;
import io.github.natsboot.jetstream.StreamDefinition.Retention;
import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JetStreamAdmin} against a real {@code nats-server} (2.9 on the build
 * machines). Each test works on streams and buckets named after it.
 */
@EmbeddedNats
@ExtendWith(OutputCaptureExtension.class)
class JetStreamAdminIntegrationTests {

	private static Connection connection;

	private static JetStreamManagement management;

	private static JetStreamAdmin admin;

	private String name;

	@BeforeAll
	static void connect(NatsServer server) throws Exception {
		connection = Nats.connect(server.getUrl());
		management = connection.jetStreamManagement();
		admin = new JetStreamAdmin(connection);
	}

	@AfterAll
	static void disconnect() throws InterruptedException {
		if (connection != null) {
			connection.close();
		}
	}

	@BeforeEach
	void nameAfter(TestInfo test) {
		this.name = test.getTestMethod().orElseThrow().getName();
	}

	@Test
	void aStreamIsCreatedWithItsConsumersAndNothingChangesTheSecondTime(CapturedOutput output) throws Exception {
		StreamDefinition definition = stream().maxAge(Duration.ofHours(1))
			.maxBytes(-1)
			.description("Orders")
			.consumer("billing", (consumer) -> consumer.filterSubjects(this.name + ".paid")
				.maxDeliver(5)
				.backoff(Duration.ofSeconds(1), Duration.ofSeconds(10))
				.maxAckPending(100))
			.build();
		ProvisioningReport first = admin.provision(definition);
		assertThat(first.created()).containsExactly(definition.describe(),
				"consumer 'billing' of stream '" + this.name + "'");
		assertThat(output).contains("Created stream '" + this.name + "'");
		StreamConfiguration stream = management.getStreamInfo(this.name).getConfiguration();
		assertThat(stream.getSubjects()).containsExactly(this.name + ".>");
		assertThat(stream.getMaxAge()).isEqualTo(Duration.ofHours(1));
		ConsumerConfiguration consumer = management.getConsumerInfo(this.name, "billing").getConsumerConfiguration();
		assertThat(consumer.getBackoff()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(10));
		assertThat(consumer.getAckWait()).isEqualTo(Duration.ofSeconds(1));
		int logged = output.getAll().length();
		ProvisioningReport second = admin.provision(definition);
		assertThat(second.isUnchanged()).isTrue();
		assertThat(output.getAll().substring(logged)).doesNotContain("Created").doesNotContain("Updated");
		assertThat(admin.streamExists(this.name)).isTrue();
		assertThat(admin.consumerExists(this.name, "billing")).isTrue();
		assertThat(admin.consumerExists(this.name, "shipping")).isFalse();
		assertThat(admin.streamExists(this.name + "-missing")).isFalse();
		assertThat(admin.consumerExists(this.name + "-missing", "billing")).isFalse();
	}

	@Test
	void changedStreamSettingsAreUpdatedAndLoggedWithOldAndNewValues(CapturedOutput output) throws Exception {
		admin.provision(stream().maxAge(Duration.ofHours(1)).description("Orders").build());
		ProvisioningReport report = admin
			.provision(stream().maxAge(Duration.ofHours(2)).description("All orders").maxMsgs(1000).build());
		assertThat(report.changes()).extracting(DefinitionChange::toString)
			.containsExactly("streams." + this.name + ".max-age: 1h -> 2h",
					"streams." + this.name + ".max-msgs: -1 -> 1000",
					"streams." + this.name + ".description: 'Orders' -> 'All orders'");
		assertThat(output).contains("Updated stream '" + this.name + "': max-age changed from 1h to 2h")
			.contains("Updated stream '" + this.name + "': description changed from 'Orders' to 'All orders'");
		StreamConfiguration stream = management.getStreamInfo(this.name).getConfiguration();
		assertThat(stream.getMaxAge()).isEqualTo(Duration.ofHours(2));
		assertThat(stream.getDescription()).isEqualTo("All orders");
	}

	@Test
	void aShorterMaxAgeAlsoShortensTheDefaultDuplicateWindow() throws Exception {
		admin.provision(stream().maxAge(Duration.ofHours(1)).build());
		admin.provision(stream().maxAge(Duration.ofSeconds(30)).build());
		StreamConfiguration stream = management.getStreamInfo(this.name).getConfiguration();
		assertThat(stream.getMaxAge()).isEqualTo(Duration.ofSeconds(30));
		assertThat(stream.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(30));
		assertThat(admin.provision(stream().maxAge(Duration.ofSeconds(30)).build()).isUnchanged()).isTrue();
	}

	@Test
	void changedConsumerSettingsAreUpdatedAndLogged(CapturedOutput output) throws Exception {
		admin.provision(stream().consumer("billing", (consumer) -> consumer.maxDeliver(3).ackWait(Duration.ofSeconds(30)))
			.build());
		ProvisioningReport report = admin.provision(stream()
			.consumer("billing", (consumer) -> consumer.maxDeliver(5)
				.ackWait(Duration.ofSeconds(10))
				.backoff(Duration.ofSeconds(10), Duration.ofMinutes(1)))
			.build());
		String prefix = "streams." + this.name + ".consumers.billing.";
		assertThat(report.changes()).extracting(DefinitionChange::toString)
			.containsExactly(prefix + "max-deliver: 3 -> 5", prefix + "ack-wait: 30s -> 10s",
					prefix + "backoff: [] -> [10s, 1m]");
		assertThat(output)
			.contains("Updated consumer 'billing' of stream '" + this.name + "': backoff changed from [] to [10s, 1m]");
		ConsumerConfiguration consumer = management.getConsumerInfo(this.name, "billing").getConsumerConfiguration();
		assertThat(consumer.getMaxDeliver()).isEqualTo(5);
		assertThat(consumer.getBackoff()).containsExactly(Duration.ofSeconds(10), Duration.ofMinutes(1));
	}

	@Test
	void anAckWaitWithoutBackoffRemovesTheBackoffThatWouldReplaceIt() throws Exception {
		admin.provision(stream().consumer("billing", (consumer) -> consumer.maxDeliver(3).backoff(Duration.ofSeconds(5)))
			.build());
		ProvisioningReport report = admin
			.provision(stream().consumer("billing", (consumer) -> consumer.ackWait(Duration.ofSeconds(20))).build());
		String prefix = "streams." + this.name + ".consumers.billing.";
		assertThat(report.changes()).extracting(DefinitionChange::toString)
			.containsExactly(prefix + "ack-wait: 5s -> 20s", prefix + "backoff: [5s] -> []");
		ConsumerConfiguration consumer = management.getConsumerInfo(this.name, "billing").getConsumerConfiguration();
		assertThat(consumer.getAckWait()).isEqualTo(Duration.ofSeconds(20));
		assertThat(consumer.getBackoff()).isNullOrEmpty();
	}

	@Test
	void settingsTheServerCannotChangeFailNamingEachAndChangeNothing() throws Exception {
		admin.provision(stream().maxAge(Duration.ofHours(1))
			.consumer("billing", (consumer) -> consumer.deliverPolicy(DeliverPolicy.ALL))
			.build());
		StreamDefinition changed = stream().storage(Storage.MEMORY)
			.retention(Retention.INTEREST)
			.maxAge(Duration.ofHours(2))
			.consumer("billing", (consumer) -> consumer.deliverPolicy(DeliverPolicy.NEW))
			.build();
		assertThatExceptionOfType(JetStreamProvisioningException.class).isThrownBy(() -> admin.provision(changed))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.IMMUTABLE_CHANGE);
				assertThat(ex.getProblems()).extracting(Problem::property)
					.containsExactly("streams." + this.name + ".storage", "streams." + this.name + ".retention",
							"streams." + this.name + ".consumers.billing.deliver-policy");
				assertThat(ex.getProblems().get(0).reason()).contains("cannot be changed on an existing stream")
					.contains("has file, the definition memory");
			});
		StreamConfiguration stream = management.getStreamInfo(this.name).getConfiguration();
		assertThat(stream.getMaxAge()).isEqualTo(Duration.ofHours(1));
		assertThat(stream.getStorageType()).isEqualTo(StorageType.File);
	}

	@Test
	void validateListsEveryDifferenceAndEveryMissingDefinitionAndChangesNothing() throws Exception {
		admin.provision(stream().maxAge(Duration.ofHours(1)).build());
		StreamDefinition drifted = stream().maxAge(Duration.ofHours(2))
			.description("Orders")
			.consumer("billing", (consumer) -> consumer.maxDeliver(3))
			.build();
		KeyValueDefinition bucket = KeyValueDefinition.builder(this.name).history(3).build();
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.validate(drifted, bucket))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.DRIFT);
				assertThat(ex.getProblems()).extracting(Problem::toString)
					.containsExactly(
							"streams." + this.name + ".max-age: stream '" + this.name + "' has 1h, the definition 2h",
							"streams." + this.name + ".description: stream '" + this.name
									+ "' has (not set), the definition 'Orders'",
							"streams." + this.name + ".consumers.billing: consumer 'billing' of stream '" + this.name
									+ "' does not exist",
							"key-value." + this.name + ": key-value bucket '" + this.name + "' does not exist");
			});
		assertThat(management.getStreamInfo(this.name).getConfiguration().getMaxAge()).isEqualTo(Duration.ofHours(1));
		assertThat(admin.consumerExists(this.name, "billing")).isFalse();
		assertThat(admin.keyValueExists(this.name)).isFalse();
	}

	@Test
	void keyValueBucketsAreCreatedAndUpdated(CapturedOutput output) throws Exception {
		KeyValueDefinition created = KeyValueDefinition.builder(this.name).ttl(Duration.ofSeconds(30)).history(2).build();
		assertThat(admin.provision(created).created()).containsExactly("key-value bucket '" + this.name + "'");
		ProvisioningReport report = admin.provision(
				KeyValueDefinition.builder(this.name).ttl(Duration.ofSeconds(30)).history(5).description("Carts").build());
		assertThat(report.changes()).extracting(DefinitionChange::toString)
			.containsExactly("key-value." + this.name + ".history: 2 -> 5",
					"key-value." + this.name + ".description: (not set) -> 'Carts'");
		assertThat(output).contains("Updated key-value bucket '" + this.name + "': history changed from 2 to 5");
		KeyValueStatus status = connection.keyValueManagement().getStatus(this.name);
		assertThat(status.getMaxHistoryPerKey()).isEqualTo(5);
		assertThat(status.getTtl()).isEqualTo(Duration.ofSeconds(30));
		admin.provision(KeyValueDefinition.builder(this.name).ttl(Duration.ofMinutes(10)).build());
		assertThat(connection.keyValueManagement().getStatus(this.name).getTtl()).isEqualTo(Duration.ofMinutes(10));
		assertThat(admin.keyValueExists(this.name)).isTrue();
	}

	@Test
	void consumersOfAStreamCreatedElsewhereAreProvisioned() throws Exception {
		management.addStream(StreamConfiguration.builder().name(this.name).subjects(this.name + ".*").build());
		admin.provision(ConsumerDefinition.builder(this.name, "audit").filterSubjects(this.name + ".created").build());
		assertThat(admin.consumerExists(this.name, "audit")).isTrue();
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(ConsumerDefinition.builder(this.name, "other").filterSubjects("elsewhere").build()))
			.withMessageContaining("streams." + this.name + ".consumers.other.filter-subjects: 'elsewhere' is outside the subjects of stream");
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(ConsumerDefinition.builder(this.name + "-missing", "audit").build()))
			.withMessageContaining("stream '" + this.name + "-missing' does not exist");
	}

	@Test
	void replicasOnAStandaloneServerFailNamingReplicas() {
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(stream().replicas(3).build()))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.REJECTED);
				assertThat(ex.getProblems()).extracting(Problem::property)
					.containsExactly("streams." + this.name + ".replicas");
				assertThat(ex.getProblems().get(0).reason()).contains("need a JetStream cluster");
			});
		assertThat(admin.streamExists(this.name)).isFalse();
	}

	@Test
	void severalFilterSubjectsFailOnAServerThatSupportsOnlyOne() {
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(stream()
				.consumer("billing", (consumer) -> consumer.filterSubjects(this.name + ".a", this.name + ".b"))
				.build()))
			.withMessageContaining("streams." + this.name
					+ ".consumers.billing.filter-subjects: needs nats-server 2.10.0 or newer; the connected server is 2.9.10");
	}

	@Test
	void subjectsCapturedByAnotherStreamAreRejectedNamingThatStream() throws Exception {
		management.addStream(StreamConfiguration.builder().name(this.name + "-other").subjects(this.name + ".>").build());
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(StreamDefinition.builder(this.name).subjects(this.name + ".new").build()))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.REJECTED);
				assertThat(ex.getProblems()).extracting(Problem::property)
					.containsExactly("streams." + this.name + ".subjects");
				assertThat(ex.getProblems().get(0).reason()).contains("subjects overlap with an existing stream")
					.contains("10065")
					.contains("[" + this.name + "-other]");
			});
	}

	@Test
	void invalidDefinitionsAreRejectedBeforeTheServerIsAsked() {
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(List.of(stream().build(),
					StreamDefinition.builder(this.name + "-new").subjects(this.name + ".new").build())))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_DEFINITION));
		assertThat(admin.streamExists(this.name)).isFalse();
	}

	private StreamDefinition.Builder stream() {
		return StreamDefinition.builder(this.name).subjects(this.name + ".>");
	}

}
