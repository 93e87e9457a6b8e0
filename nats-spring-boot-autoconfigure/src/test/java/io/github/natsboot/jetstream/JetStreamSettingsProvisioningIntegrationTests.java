package io.github.natsboot.jetstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Reason;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the stream, consumer and key-value settings beyond the limits, against a real
 * {@code nats-server} (2.9 on the build machines): each is created and read back from
 * the server, updated where the server allows it, reported as drift, and enforced by
 * the server. Each test works on streams and buckets named after it.
 */
@EmbeddedNats
class JetStreamSettingsProvisioningIntegrationTests {

	private static Connection connection;

	private static JetStreamManagement management;

	private static JetStream jetStream;

	private static JetStreamAdmin admin;

	private String name;

	@BeforeAll
	static void connect(NatsServer server) throws Exception {
		connection = Nats.connect(server.getUrl());
		management = connection.jetStreamManagement();
		jetStream = connection.jetStream();
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
	void theStreamSettingsOfServer29AreCreatedAndReadBackAndNewerSettingsAtTheirOldMeaningAreAccepted() throws Exception {
		admin.provision(stream().maxMsgsPerSubject(2)
			.maxConsumers(4)
			.noAck(true)
			.denyDelete(true)
			.denyPurge(true)
			.allowRollup(false)
			.allowDirect(true)
			.compression(StreamDefinition.Compression.NONE)
			.firstSequence(1)
			.build());
		StreamConfiguration stream = management.getStreamInfo(this.name).getConfiguration();
		assertThat(stream.getMaxMsgsPerSubject()).isEqualTo(2);
		assertThat(stream.getMaxConsumers()).isEqualTo(4);
		assertThat(stream.getNoAck()).isTrue();
		assertThat(stream.getDenyDelete()).isTrue();
		assertThat(stream.getDenyPurge()).isTrue();
		assertThat(stream.getAllowRollup()).isFalse();
		assertThat(stream.getAllowDirect()).isTrue();
		assertThat(admin.provision(stream().maxMsgsPerSubject(2)
			.maxConsumers(4)
			.noAck(true)
			.denyDelete(true)
			.denyPurge(true)
			.allowRollup(false)
			.allowDirect(true)
			.compression(StreamDefinition.Compression.NONE)
			.firstSequence(1)
			.build())
			.isUnchanged()).isTrue();
	}

	@Test
	void streamSettingsTheServerCanChangeAreUpdatedAndLogged() throws Exception {
		admin.provision(stream().maxMsgsPerSubject(5).allowRollup(false).allowDirect(false).build());
		ProvisioningReport report = admin.provision(stream().maxMsgsPerSubject(10)
			.noAck(true)
			.allowRollup(true)
			.allowDirect(true)
			.denyDelete(true)
			.build());
		assertThat(report.changes()).extracting(DefinitionChange::toString)
			.containsExactlyInAnyOrder(path("max-msgs-per-subject") + ": 5 -> 10", path("no-ack") + ": false -> true",
					path("allow-rollup") + ": false -> true", path("allow-direct") + ": false -> true",
					path("deny-delete") + ": false -> true");
		StreamConfiguration stream = management.getStreamInfo(this.name).getConfiguration();
		assertThat(stream.getMaxMsgsPerSubject()).isEqualTo(10);
		assertThat(stream.getAllowRollup()).isTrue();
		assertThat(stream.getDenyDelete()).isTrue();
	}

	@Test
	void switchesThatOnlyTurnOnAndMaxConsumersCannotBeChangedBackAndNothingIsChanged() throws Exception {
		admin.provision(stream().maxConsumers(4).denyDelete(true).denyPurge(true).maxMsgsPerSubject(5).build());
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(
					stream().maxConsumers(8).denyDelete(false).denyPurge(false).maxMsgsPerSubject(6).build()))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.IMMUTABLE_CHANGE);
				assertThat(ex.getProblems()).extracting(Problem::property)
					.containsExactly(path("max-consumers"), path("deny-delete"), path("deny-purge"));
			});
		assertThat(management.getStreamInfo(this.name).getConfiguration().getMaxMsgsPerSubject()).isEqualTo(5);
	}

	@Test
	void maxMsgsPerSubjectIsEnforcedByTheServer() throws Exception {
		admin.provision(stream().maxMsgsPerSubject(2).build());
		for (int i = 0; i < 5; i++) {
			jetStream.publish(this.name + ".a", ("a" + i).getBytes(StandardCharsets.UTF_8));
			jetStream.publish(this.name + ".b", ("b" + i).getBytes(StandardCharsets.UTF_8));
		}
		assertThat(management.getStreamInfo(this.name).getStreamState().getMsgCount()).isEqualTo(4);
		assertThat(new String(management.getLastMessage(this.name, this.name + ".a").getData(),
				StandardCharsets.UTF_8)).isEqualTo("a4");
	}

	@Test
	void denyDeleteIsEnforcedByTheServer() throws Exception {
		admin.provision(stream().denyDelete(true).build());
		long sequence = jetStream.publish(this.name + ".a", new byte[] { 1 }).getSeqno();
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> management.deleteMessage(this.name, sequence));
		assertThat(management.getStreamInfo(this.name).getStreamState().getMsgCount()).isEqualTo(1);
	}

	@Test
	void aMirrorTakesTheMessagesOfItsStreamWithinItsFilterAndCannotBeRepointed() throws Exception {
		String origin = this.name + "Origin";
		admin.provision(List.of(StreamDefinition.builder(origin).subjects(this.name + ".>").build(),
				StreamDefinition.builder(this.name)
					.mirror(StreamSource.of(origin).withFilterSubject(this.name + ".eu.>"))
					.build()));
		jetStream.publish(this.name + ".eu.1", new byte[] { 1 });
		jetStream.publish(this.name + ".us.1", new byte[] { 2 });
		jetStream.publish(this.name + ".eu.2", new byte[] { 3 });
		await().atMost(Duration.ofSeconds(10))
			.until(() -> management.getStreamInfo(this.name).getStreamState().getMsgCount() == 2);
		StreamConfiguration mirror = management.getStreamInfo(this.name).getConfiguration();
		assertThat(mirror.getMirror().getName()).isEqualTo(origin);
		assertThat(mirror.getMirror().getFilterSubject()).isEqualTo(this.name + ".eu.>");
		assertThat(admin.provision(StreamDefinition.builder(this.name)
			.mirror(StreamSource.of(origin).withFilterSubject(this.name + ".eu.>"))
			.build()).isUnchanged()).isTrue();
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(StreamDefinition.builder(this.name).mirror(StreamSource.of(origin)).build()))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.IMMUTABLE_CHANGE);
				assertThat(ex.getProblems()).extracting(Problem::property).containsExactly(path("mirror"));
			});
	}

	@Test
	void aStreamAggregatesItsSourcesWithTheirFiltersAndTakesNewSourcesOnUpdate() throws Exception {
		String eu = this.name + "Eu";
		String us = this.name + "Us";
		String asia = this.name + "Asia";
		admin.provision(List.of(StreamDefinition.builder(eu).subjects(eu + ".>").build(),
				StreamDefinition.builder(us).subjects(us + ".>").build(),
				StreamDefinition.builder(asia).subjects(asia + ".>").build(),
				StreamDefinition.builder(this.name)
					.subjects(this.name + ".local")
					.sources(StreamSource.of(eu).withFilterSubject(eu + ".paid"), StreamSource.of(us))
					.build()));
		jetStream.publish(eu + ".paid", new byte[] { 1 });
		jetStream.publish(eu + ".new", new byte[] { 2 });
		jetStream.publish(us + ".new", new byte[] { 3 });
		jetStream.publish(asia + ".new", new byte[] { 4 });
		jetStream.publish(this.name + ".local", new byte[] { 5 });
		await().atMost(Duration.ofSeconds(10))
			.until(() -> management.getStreamInfo(this.name).getStreamState().getMsgCount() == 3);
		ProvisioningReport report = admin.provision(StreamDefinition.builder(this.name)
			.subjects(this.name + ".local")
			.sources(StreamSource.of(us), StreamSource.of(eu).withFilterSubject(eu + ".paid"), StreamSource.of(asia))
			.build());
		assertThat(report.changes()).extracting(DefinitionChange::property).containsExactly(path("sources"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> management.getStreamInfo(this.name).getStreamState().getMsgCount() == 4);
		assertThat(management.getStreamInfo(this.name).getConfiguration().getSources()).hasSize(3);
	}

	@Test
	void aSealedStreamIsCreatedThenSealedAndCannotBeUnsealed() throws Exception {
		ProvisioningReport report = admin.provision(stream().sealed(true).build());
		assertThat(report.created()).containsExactly("stream '" + this.name + "'");
		StreamConfiguration stream = management.getStreamInfo(this.name).getConfiguration();
		assertThat(stream.getSealed()).isTrue();
		assertThat(stream.getDenyDelete()).isTrue();
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> jetStream.publish(this.name + ".a", new byte[] { 1 }));
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(stream().sealed(false).build()))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.IMMUTABLE_CHANGE);
				assertThat(ex.getProblems()).extracting(Problem::property).containsExactly(path("sealed"));
			});
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.validate(stream().sealed(false).build()))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::toString)
				.containsExactly(path("sealed") + ": stream '" + this.name + "' has true, the definition false"));
	}

	@Test
	void theConsumerSettingsOfServer29AreCreatedReadBackAndUpdated() throws Exception {
		admin.provision(stream().consumer("billing", (consumer) -> consumer.inactiveThreshold(Duration.ofHours(1))
			.maxWaiting(64)
			.maxBatch(100)
			.maxExpires(Duration.ofSeconds(30))
			.headersOnly(true)
			.sampleFrequency("50%")
			.replicas(1)
			.memStorage(true)).build());
		ConsumerConfiguration consumer = management.getConsumerInfo(this.name, "billing").getConsumerConfiguration();
		assertThat(consumer.getInactiveThreshold()).isEqualTo(Duration.ofHours(1));
		assertThat(consumer.getMaxPullWaiting()).isEqualTo(64);
		assertThat(consumer.getMaxBatch()).isEqualTo(100);
		assertThat(consumer.getMaxExpires()).isEqualTo(Duration.ofSeconds(30));
		assertThat(consumer.isHeadersOnly()).isTrue();
		assertThat(consumer.getSampleFrequency()).isEqualTo("50%");
		assertThat(consumer.getNumReplicas()).isEqualTo(1);
		assertThat(consumer.isMemStorage()).isTrue();
		ProvisioningReport report = admin.provision(stream()
			.consumer("billing", (billing) -> billing.inactiveThreshold(Duration.ofHours(2))
				.maxWaiting(64)
				.maxBatch(200)
				.maxExpires(Duration.ofSeconds(60))
				.headersOnly(false)
				.sampleFrequency("10%"))
			.build());
		assertThat(report.changes()).extracting(DefinitionChange::toString)
			.containsExactlyInAnyOrder(consumerPath("inactive-threshold") + ": 1h -> 2h",
					consumerPath("max-batch") + ": 100 -> 200", consumerPath("max-expires") + ": 30s -> 1m",
					consumerPath("headers-only") + ": true -> false",
					consumerPath("sample-frequency") + ": '50%' -> '10%'");
		assertThat(management.getConsumerInfo(this.name, "billing").getConsumerConfiguration().getMaxBatch())
			.isEqualTo(200);
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(stream().consumer("billing", (billing) -> billing.maxWaiting(32)).build()))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::property)
				.containsExactly(consumerPath("max-waiting")));
	}

	@Test
	void aPushConsumerDeliversToItsSubjectAtItsRateLimit() throws Exception {
		admin.provision(stream().consumer("audit", (consumer) -> consumer.deliverSubject(this.name + "Deliver")
			.deliverGroup("auditors")
			.rateLimit(1_000_000)).build());
		ConsumerConfiguration consumer = management.getConsumerInfo(this.name, "audit").getConsumerConfiguration();
		assertThat(consumer.getDeliverSubject()).isEqualTo(this.name + "Deliver");
		assertThat(consumer.getDeliverGroup()).isEqualTo("auditors");
		assertThat(consumer.getRateLimit()).isEqualTo(1_000_000);
		assertThat(admin.provision(stream().consumer("audit", (audit) -> audit.deliverSubject(this.name + "Deliver")
			.deliverGroup("auditors")
			.rateLimit(1_000_000)).build()).isUnchanged()).isTrue();
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.validate(stream().consumer("audit", (audit) -> audit.deliverSubject(this.name + "Other")
				.deliverGroup("others")
				.rateLimit(2_000_000)).build()))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::property)
				.containsExactly("streams." + this.name + ".consumers.audit.rate-limit",
						"streams." + this.name + ".consumers.audit.deliver-subject",
						"streams." + this.name + ".consumers.audit.deliver-group"));
		admin.provision(stream().consumer("billing", (billing) -> billing.maxDeliver(3)).build());
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.provision(
					stream().consumer("billing", (billing) -> billing.deliverSubject(this.name + "Billing")).build()))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.IMMUTABLE_CHANGE);
				assertThat(ex.getProblems()).extracting(Problem::property)
					.containsExactly(consumerPath("deliver-subject"));
			});
	}

	@Test
	void theBucketSettingsOfServer29AreCreatedReadBackAndAMirrorBucketFollowsItsOrigin() throws Exception {
		String origin = this.name + "Origin";
		admin.provision(List.of(KeyValueDefinition.builder(origin).maxValueSize(1024).build(),
				KeyValueDefinition.builder(this.name).mirror(StreamSource.of(origin)).build()));
		KeyValueStatus status = connection.keyValueManagement().getStatus(origin);
		assertThat(status.getMaxValueSize()).isEqualTo(1024);
		KeyValue bucket = connection.keyValue(origin);
		bucket.put("greeting", "hello");
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> bucket.put("big", new byte[2048]));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> connection.keyValueManagement().getStatus(this.name).getEntryCount() == 1);
		assertThat(connection.keyValueManagement().getStatus(this.name).getConfiguration().getMirror().getName())
			.isEqualTo("KV_" + origin);
		assertThat(admin.provision(List.of(KeyValueDefinition.builder(origin).maxValueSize(1024).build(),
				KeyValueDefinition.builder(this.name).mirror(StreamSource.of(origin)).build())).isUnchanged()).isTrue();
		assertThat(admin.provision(KeyValueDefinition.builder(origin).maxValueSize(4096).build()).changes())
			.extracting(DefinitionChange::toString)
			.containsExactly("key-value." + origin + ".max-value-size: 1024 -> 4096");
	}

	static Stream<Arguments> streamDrift() {
		return Stream.of(drift("max-msgs-per-subject", (stream) -> stream.maxMsgsPerSubject(3)),
				drift("max-consumers", (stream) -> stream.maxConsumers(3)),
				drift("no-ack", (stream) -> stream.noAck(false)),
				drift("deny-delete", (stream) -> stream.denyDelete(false)),
				drift("deny-purge", (stream) -> stream.denyPurge(true)),
				drift("allow-rollup", (stream) -> stream.allowRollup(true)),
				drift("allow-direct", (stream) -> stream.allowDirect(false)),
				drift("sources", (stream) -> stream.sources(StreamSource.of("streamDriftOrigin").withFilterSubject("x.>"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("streamDrift")
	void eachStreamSettingThatDiffersIsReportedInValidateMode(String field, UnaryOperator<StreamDefinition.Builder> change) throws Exception {
		String stream = "streamDrift" + field.replace("-", "");
		StreamDefinition.Builder base = StreamDefinition.builder(stream)
			.subjects(stream + ".>")
			.maxMsgsPerSubject(2)
			.maxConsumers(4)
			.noAck(true)
			.denyDelete(true)
			.denyPurge(false)
			.allowRollup(false)
			.allowDirect(true)
			.sealed(false)
			.sources(StreamSource.of("streamDriftOrigin"));
		admin.provision(List.of(StreamDefinition.builder("streamDriftOrigin").subjects("streamDriftOrigin").build(),
				base.build()));
		admin.validate(base.build());
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.validate(change.apply(base).build()))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.DRIFT);
				assertThat(ex.getProblems()).extracting(Problem::property)
					.containsExactly("streams." + stream + "." + field);
			});
	}

	static Stream<Arguments> consumerDrift() {
		return Stream.of(
				consumerChange("inactive-threshold", (consumer) -> consumer.inactiveThreshold(Duration.ofHours(2))),
				consumerChange("max-waiting", (consumer) -> consumer.maxWaiting(32)),
				consumerChange("max-batch", (consumer) -> consumer.maxBatch(20)),
				consumerChange("max-expires", (consumer) -> consumer.maxExpires(Duration.ofSeconds(20))),
				consumerChange("headers-only", (consumer) -> consumer.headersOnly(false)),
				consumerChange("sample-frequency", (consumer) -> consumer.sampleFrequency("20%")),
				consumerChange("replicas", (consumer) -> consumer.replicas(3)),
				consumerChange("mem-storage", (consumer) -> consumer.memStorage(false)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("consumerDrift")
	void eachConsumerSettingThatDiffersIsReportedInValidateMode(String field, UnaryOperator<ConsumerDefinition.Builder> change) throws Exception {
		String stream = "consumerDrift" + field.replace("-", "");
		ConsumerDefinition.Builder base = ConsumerDefinition.builder(stream, "billing")
			.inactiveThreshold(Duration.ofHours(1))
			.maxWaiting(64)
			.maxBatch(10)
			.maxExpires(Duration.ofSeconds(10))
			.headersOnly(true)
			.sampleFrequency("10%")
			.replicas(1)
			.memStorage(true);
		admin.provision(List.of(StreamDefinition.builder(stream).build(), base.build()));
		admin.validate(base.build());
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.validate(change.apply(base).build()))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::property)
				.containsExactly("streams." + stream + ".consumers.billing." + field));
	}

	@Test
	void bucketDriftIsReportedForTheMaxValueSizeAndTheMirror() throws Exception {
		String origin = this.name + "Origin";
		admin.provision(List.of(KeyValueDefinition.builder(origin).maxValueSize(1024).build(),
				KeyValueDefinition.builder(this.name).mirror(StreamSource.of(origin)).build()));
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> admin.validate(KeyValueDefinition.builder(origin).maxValueSize(2048).build(),
					KeyValueDefinition.builder(this.name).mirror(StreamSource.of(this.name + "Other")).build()))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::toString)
				.containsExactly("key-value." + origin + ".max-value-size: key-value bucket '" + origin
						+ "' has 1024, the definition 2048",
						"key-value." + this.name + ".mirror: key-value bucket '" + this.name + "' has '" + origin
								+ "', the definition '" + this.name + "Other'"));
	}

	private static Arguments drift(String field, UnaryOperator<StreamDefinition.Builder> change) {
		return Arguments.of(field, change);
	}

	private static Arguments consumerChange(String field, UnaryOperator<ConsumerDefinition.Builder> change) {
		return Arguments.of(field, change);
	}

	private StreamDefinition.Builder stream() {
		return StreamDefinition.builder(this.name).subjects(this.name + ".>");
	}

	private String path(String field) {
		return "streams." + this.name + "." + field;
	}

	private String consumerPath(String field) {
		return "streams." + this.name + ".consumers.billing." + field;
	}

}
