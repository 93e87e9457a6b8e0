package io.github.natsboot.autoconfigure.jetstream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the stream, consumer and key-value settings beyond the limits, set under
 * {@code nats.jetstream.*}, against a real {@code nats-server} 2.9: mirrors, sources,
 * max-msgs-per-subject and deny-delete are provisioned and drift on each is reported in
 * validate mode; a setting that needs a newer server fails startup naming the property
 * and the version, before anything is created.
 */
@EmbeddedNats
class JetStreamSettingsPropertiesIntegrationTests {

	private final NatsServer server;

	private String name;

	JetStreamSettingsPropertiesIntegrationTests(NatsServer server) {
		this.server = server;
	}

	@BeforeEach
	void nameAfter(TestInfo test) {
		this.name = test.getTestMethod().orElseThrow().getName();
	}

	@Test
	void mirrorsSourcesMaxMsgsPerSubjectAndDenyDeleteAreProvisionedFromPropertiesAndTheirDriftIsReported() {
		String eu = this.name + "Eu";
		String us = this.name + "Us";
		String copy = this.name + "Copy";
		String[] properties = { streams(eu + ".subjects=" + eu + ".>"), streams(us + ".subjects=" + us + ".>"),
				stream("sources[0].name=" + eu), stream("sources[0].filter-subject=" + eu + ".paid"),
				stream("sources[1].name=" + us), stream("max-msgs-per-subject=1"), stream("deny-delete=true"),
				streams(copy + ".mirror.name=" + this.name) };
		runner().withPropertyValues(properties).run((context) -> {
			assertThat(context).hasNotFailed();
			JetStream jetStream = context.getBean(Connection.class).jetStream();
			JetStreamManagement management = context.getBean(Connection.class).jetStreamManagement();
			jetStream.publish(eu + ".paid", new byte[] { 1 });
			jetStream.publish(eu + ".paid", new byte[] { 2 });
			jetStream.publish(eu + ".new", new byte[] { 3 });
			jetStream.publish(us + ".new", new byte[] { 4 });
			await().atMost(Duration.ofSeconds(10))
				.until(() -> management.getStreamInfo(copy).getStreamState().getLastSequence() == 3);
			StreamConfiguration aggregate = management.getStreamInfo(this.name).getConfiguration();
			assertThat(aggregate.getSources()).hasSize(2);
			assertThat(aggregate.getMaxMsgsPerSubject()).isEqualTo(1);
			assertThat(management.getStreamInfo(this.name).getStreamState().getMsgCount()).isEqualTo(2);
			long last = management.getStreamInfo(this.name).getStreamState().getLastSequence();
			assertThatExceptionOfType(JetStreamApiException.class)
				.isThrownBy(() -> management.deleteMessage(this.name, last));
			assertThat(management.getStreamInfo(copy).getConfiguration().getMirror().getName()).isEqualTo(this.name);
		});
		runner().withPropertyValues(properties).withPropertyValues("nats.jetstream.provisioning.mode=validate")
			.run((context) -> assertThat(context).hasNotFailed());
		runner().withPropertyValues(properties)
			.withPropertyValues("nats.jetstream.provisioning.mode=validate",
					stream("sources[0].filter-subject=" + eu + ".new"), stream("max-msgs-per-subject=5"),
					stream("deny-delete=false"), streams(copy + ".mirror.name=" + eu))
			.run((context) -> {
				String description = analysis(context).getDescription();
				String prefix = "nats.jetstream.streams." + this.name;
				assertThat(description)
					.contains(prefix + ".sources: stream '" + this.name + "' has ['" + eu + "' filter '" + eu
							+ ".paid', '" + us + "'], the definition ['" + eu + "' filter '" + eu + ".new', '" + us
							+ "']")
					.contains(prefix + ".max-msgs-per-subject: stream '" + this.name + "' has 1, the definition 5")
					.contains(prefix + ".deny-delete: stream '" + this.name + "' has true, the definition false")
					.contains("nats.jetstream.streams." + copy + ".mirror: stream '" + copy + "' has '" + this.name
							+ "', the definition '" + eu + "'");
			});
	}

	static Stream<Arguments> settingsOfNewerServers() {
		return Stream.of(Arguments.of("compression=s2", "compression", "2.10.0"),
				Arguments.of("subject-transform.destination=moved.>", "subject-transform", "2.10.0"),
				Arguments.of("first-sequence=100", "first-sequence", "2.10.0"),
				Arguments.of("metadata.team=billing", "metadata", "2.10.0"),
				Arguments.of("allow-msg-ttl=true", "allow-msg-ttl", "2.11.0"),
				Arguments.of("consumers.billing.metadata.team=billing", "consumers.billing.metadata", "2.10.0"),
				Arguments.of("consumers.billing.pause-until=2030-01-01T00:00:00Z", "consumers.billing.pause-until",
						"2.11.0"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("settingsOfNewerServers")
	void aStreamOrConsumerSettingOfANewerServerFailsStartupNamingThePropertyAndVersionBeforeAnythingIsCreated(
			String property, String field, String version) throws Exception {
		runner().withPropertyValues(stream("subjects=" + this.name + ".>"), stream(property)).run((context) -> {
					FailureAnalysis analysis = analysis(context);
					assertThat(analysis.getDescription())
						.contains("A JetStream setting needs a newer NATS server")
						.contains("nats.jetstream.streams." + this.name + "." + field + ": needs nats-server " + version
								+ " or newer; the connected server is 2.9.10");
					assertThat(analysis.getAction()).contains("Upgrade the NATS server");
				});
		try (Connection connection = Nats.connect(this.server.getUrl())) {
			assertThat(connection.jetStreamManagement().getStreamNames()).doesNotContain(this.name);
		}
	}

	@Test
	void mirrorAndSourceTransformsPriorityGroupsAndBucketSettingsOfNewerServersAreEachNamed() {
		runner().withPropertyValues(streams(this.name + "Origin.subjects=" + this.name + ".>"),
				streams(this.name + "Mirror.mirror.name=" + this.name + "Origin"),
				streams(this.name + "Mirror.mirror.subject-transforms[0].destination=copied.>"),
				stream("sources[0].name=" + this.name + "Origin"),
				stream("sources[0].subject-transforms[0].source=" + this.name + ".>"),
				stream("sources[0].subject-transforms[0].destination=sourced.>"),
				stream("consumers.billing.priority-groups=jobs"),
				stream("consumers.billing.priority-policy=overflow"), bucket("compression=true"),
				bucket("metadata.team=carts"), bucket("sources[0].name=" + this.name + "Other"))
			.run((context) -> assertThat(analysis(context).getDescription()).contains(
					"nats.jetstream.streams." + this.name + "Mirror.mirror.subject-transforms: needs nats-server 2.10.0",
					"nats.jetstream.streams." + this.name + ".sources.subject-transforms: needs nats-server 2.10.0",
					"nats.jetstream.streams." + this.name + ".consumers.billing.priority-groups: needs nats-server 2.11.0",
					"nats.jetstream.streams." + this.name + ".consumers.billing.priority-policy: needs nats-server 2.11.0",
					"nats.jetstream.key-value." + this.name + ".compression: needs nats-server 2.10.0",
					"nats.jetstream.key-value." + this.name + ".metadata: needs nats-server 2.10.0",
					"nats.jetstream.key-value." + this.name + ".sources: needs nats-server 2.10.0"));
	}

	@Test
	void theVersionGuardAlsoHoldsInValidateMode() {
		runner().withPropertyValues("nats.jetstream.provisioning.mode=validate", stream("compression=s2"))
			.run((context) -> assertThat(analysis(context).getDescription()).contains(
					"nats.jetstream.streams." + this.name + ".compression: needs nats-server 2.10.0 or newer"));
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsJetStreamAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + this.server.getUrl());
	}

	private String stream(String property) {
		return streams(this.name + "." + property);
	}

	private static String streams(String property) {
		return "nats.jetstream.streams." + property;
	}

	private String bucket(String property) {
		return "nats.jetstream.key-value." + this.name + "." + property;
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
