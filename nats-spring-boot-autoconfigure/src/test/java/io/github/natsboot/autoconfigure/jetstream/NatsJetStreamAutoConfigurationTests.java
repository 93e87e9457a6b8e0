package io.github.natsboot.autoconfigure.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.natsboot.jetstream.ConsumerDefinition;
import io.github.natsboot.jetstream.ConsumerDefinition.AckPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.DeliverPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.ReplayPolicy;
import io.github.natsboot.jetstream.JetStreamAdmin;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.jetstream.JetStreamProvisioningException;
import io.github.natsboot.jetstream.KeyValueDefinition;
import io.github.natsboot.jetstream.ProvisioningMode;
import io.github.natsboot.jetstream.StreamDefinition;
import io.github.natsboot.jetstream.StreamDefinition.Discard;
import io.github.natsboot.jetstream.StreamDefinition.Retention;
import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NatsJetStreamAutoConfiguration}: binding and checking definitions,
 * without a server (the connection is a stub that is never connected).
 */
class NatsJetStreamAutoConfigurationTests {

	private final ApplicationContextRunner withoutConnection = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsJetStreamAutoConfiguration.class));

	private final ApplicationContextRunner contextRunner = this.withoutConnection.withBean(Connection.class,
			() -> new ConnectionStub().connection());

	private final ApplicationContextRunner offline = this.contextRunner
		.withPropertyValues("nats.jetstream.provisioning.mode=none");

	@Test
	void adminAndProvisionerNeedAConnection() {
		this.withoutConnection.run((context) -> assertThat(context).doesNotHaveBean(JetStreamAdmin.class)
				.doesNotHaveBean(JetStreamProvisioner.class));
	}

	@Test
	void adminAndProvisionerAreAutoConfiguredAndCreateOrUpdateIsTheDefaultMode() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JetStreamAdmin.class).hasBean(JetStreamProvisioner.BEAN_NAME);
			assertThat(context.getBean(JetStreamProvisioner.class).getMode()).isEqualTo(ProvisioningMode.CREATE_OR_UPDATE);
		});
	}

	@Test
	void userAdminMakesTheAutoConfiguredOneBackOff() {
		this.contextRunner.withBean("userAdmin", JetStreamAdmin.class, () -> new JetStreamAdmin(new ConnectionStub().connection()))
			.run((context) -> assertThat(context).hasSingleBean(JetStreamAdmin.class).hasBean("userAdmin"));
	}

	@Test
	void noneModeNeitherChecksTheServerNorTouchesTheConnection() {
		ConnectionStub connection = new ConnectionStub();
		this.withoutConnection.withBean(Connection.class, connection::connection)
			.withPropertyValues("nats.jetstream.provisioning.mode=none", "nats.jetstream.streams.orders.subjects=orders.>")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(connection.calls()).isEmpty();
			});
	}

	@Test
	void streamPropertiesAreBoundIntoADefinition() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>,refunds.*",
					"nats.jetstream.streams.orders.storage=memory", "nats.jetstream.streams.orders.retention=work-queue",
					"nats.jetstream.streams.orders.max-age=7d", "nats.jetstream.streams.orders.max-bytes=1GB",
					"nats.jetstream.streams.orders.max-msgs=1000000", "nats.jetstream.streams.orders.max-msg-size=64KB",
					"nats.jetstream.streams.orders.replicas=1", "nats.jetstream.streams.orders.discard=new",
					"nats.jetstream.streams.orders.duplicate-window=30s",
					"nats.jetstream.streams.orders.description=All orders")
			.run((context) -> assertThat(definitions(context)).containsExactly(StreamDefinition.builder("orders")
				.subjects("orders.>", "refunds.*")
				.storage(Storage.MEMORY)
				.retention(Retention.WORK_QUEUE)
				.maxAge(Duration.ofDays(7))
				.maxBytes(1024L * 1024 * 1024)
				.maxMsgs(1_000_000)
				.maxMsgSize(64 * 1024)
				.replicas(1)
				.discard(Discard.NEW)
				.duplicateWindow(Duration.ofSeconds(30))
				.description("All orders")
				.build()));
	}

	@Test
	void consumerPropertiesAreBoundIntoADefinitionOfTheirStream() {
		String consumer = "nats.jetstream.streams.orders.consumers.billing.";
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>",
					consumer + "filter-subjects=orders.paid", consumer + "ack-policy=all",
					consumer + "deliver-policy=by-start-time", consumer + "opt-start-time=2025-01-31T10:15:30Z",
					consumer + "replay-policy=original", consumer + "max-deliver=4", consumer + "backoff=1s,5s,30s",
					consumer + "max-ack-pending=50", consumer + "description=Bills paid orders")
			.run((context) -> {
				StreamDefinition stream = (StreamDefinition) definitions(context).get(0);
				assertThat(stream.getConsumers()).containsExactly(ConsumerDefinition.builder("orders", "billing")
					.filterSubjects("orders.paid")
					.ackPolicy(AckPolicy.ALL)
					.deliverPolicy(DeliverPolicy.BY_START_TIME)
					.optStartTime(Instant.parse("2025-01-31T10:15:30Z"))
					.replayPolicy(ReplayPolicy.ORIGINAL)
					.maxDeliver(4)
					.backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
					.maxAckPending(50)
					.description("Bills paid orders")
					.build());
			});
	}

	@Test
	void keyValuePropertiesAreBoundIntoADefinition() {
		this.offline
			.withPropertyValues("nats.jetstream.key-value.carts.ttl=1h", "nats.jetstream.key-value.carts.history=5",
					"nats.jetstream.key-value.carts.storage=file", "nats.jetstream.key-value.carts.replicas=1",
					"nats.jetstream.key-value.carts.max-bytes=10MB", "nats.jetstream.key-value.carts.description=Carts")
			.run((context) -> assertThat(definitions(context)).containsExactly(KeyValueDefinition.builder("carts")
				.ttl(Duration.ofHours(1))
				.history(5)
				.storage(Storage.FILE)
				.replicas(1)
				.maxBytes(10L * 1024 * 1024)
				.description("Carts")
				.build()));
	}

	@Test
	void unsetPropertiesStayUnsetSoThatServerDefaultsApply() {
		this.offline.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>")
			.run((context) -> assertThat(definitions(context))
				.containsExactly(StreamDefinition.builder("orders").subjects("orders.>").build()));
	}

	@Test
	void upperCaseStreamNamesAreKeptAsWritten() {
		this.offline.withPropertyValues("nats.jetstream.streams.ORDERS.subjects=orders.>")
			.run((context) -> assertThat(definitions(context)).extracting(JetStreamDefinition::describe)
				.containsExactly("stream 'ORDERS'"));
	}

	@Test
	void aStreamEntryWithOnlyConsumersDeclaresConsumersOfAStreamDefinedElsewhere() {
		this.offline.withUserConfiguration(OrdersStreamConfiguration.class)
			.withPropertyValues("nats.jetstream.streams.orders.consumers.audit.max-deliver=3")
			.run((context) -> assertThat(definitions(context)).containsExactly(
					ConsumerDefinition.builder("orders", "audit").maxDeliver(3).build(),
					OrdersStreamConfiguration.ORDERS));
	}

	@Test
	void definitionBeansAreMergedWithProperties() {
		this.offline.withUserConfiguration(OrdersStreamConfiguration.class)
			.withPropertyValues("nats.jetstream.streams.payments.subjects=payments.>",
					"nats.jetstream.key-value.carts.history=2")
			.run((context) -> assertThat(definitions(context)).extracting(JetStreamDefinition::describe)
				.containsExactly("stream 'payments'", "key-value bucket 'carts'", "stream 'orders'"));
	}

	@Test
	void aBeanAndAPropertyDefiningTheSameStreamFailStartupNamingBoth() {
		this.offline.withUserConfiguration(OrdersStreamConfiguration.class)
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("nats.jetstream.streams.orders: is defined both in properties and by bean 'ordersStream'"));
	}

	@Test
	void unknownPolicyFailsStartupNamingThePropertyAndTheValidValues() {
		this.offline.withPropertyValues("nats.jetstream.streams.orders.retention=forever").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("nats.jetstream.streams.orders.retention")
				.contains("forever");
			assertThat(analysis.getAction()).contains("LIMITS").contains("INTEREST").contains("WORK_QUEUE");
		});
	}

	@Test
	void unknownConsumerPolicyFailsStartupNamingTheProperty() {
		this.offline.withPropertyValues("nats.jetstream.streams.orders.consumers.billing.deliver-policy=oldest")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("nats.jetstream.streams.orders.consumers.billing.deliver-policy");
				assertThat(analysis.getAction()).contains("BY_START_SEQUENCE");
			});
	}

	@Test
	void negativeSizesAndCountsFailStartupNamingEachProperty() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>",
					"nats.jetstream.streams.orders.max-bytes=-5MB", "nats.jetstream.streams.orders.max-msgs=-2",
					"nats.jetstream.streams.orders.max-age=-1s", "nats.jetstream.key-value.carts.max-bytes=0")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("nats.jetstream.streams.orders.max-bytes: must be greater than 0, or -1 for unlimited, was -5242880")
				.contains("nats.jetstream.streams.orders.max-msgs: must be greater than 0, or -1 for unlimited, was -2")
				.contains("nats.jetstream.streams.orders.max-age: must not be negative")
				.contains("nats.jetstream.key-value.carts.max-bytes: must be greater than 0"));
	}

	@Test
	void overlappingSubjectsBetweenStreamsFailStartup() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>",
					"nats.jetstream.streams.new-orders.subjects=orders.new")
			.run((context) -> assertThat(analysis(context).getDescription()).contains(
					"nats.jetstream.streams.new-orders.subjects: subject 'orders.new' overlaps subject 'orders.>' of stream 'orders'"));
	}

	@Test
	void subjectsThatCannotMatchTheSameMessageDoNotOverlap() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.*.eu",
					"nats.jetstream.streams.payments.subjects=orders.*.us,orders")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void consumerFilterOutsideItsStreamFailsStartup() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>",
					"nats.jetstream.streams.orders.consumers.billing.filter-subjects=payments.*")
			.run((context) -> assertThat(analysis(context).getDescription()).contains(
					"nats.jetstream.streams.orders.consumers.billing.filter-subjects: 'payments.*' is outside the subjects of stream 'orders' [orders.>]"));
	}

	@Test
	void maxDeliverOfZeroOrBelowMinusOneFailsStartup() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>",
					"nats.jetstream.streams.orders.consumers.a.max-deliver=0",
					"nats.jetstream.streams.orders.consumers.b.max-deliver=-2",
					"nats.jetstream.streams.orders.consumers.c.max-deliver=-1")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("nats.jetstream.streams.orders.consumers.a.max-deliver: must be at least 1, or -1 for unlimited, was 0")
				.contains("nats.jetstream.streams.orders.consumers.b.max-deliver: must be at least 1, or -1 for unlimited, was -2")
				.doesNotContain("consumers.c"));
	}

	@Test
	void backoffWithAsManyEntriesAsMaxDeliverFailsStartup() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>",
					"nats.jetstream.streams.orders.consumers.billing.max-deliver=3",
					"nats.jetstream.streams.orders.consumers.billing.backoff=1s,2s,3s")
			.run((context) -> assertThat(analysis(context).getDescription()).contains(
					"nats.jetstream.streams.orders.consumers.billing.backoff: has 3 entries but max-deliver 3 allows at most 2 redeliveries"));
	}

	@Test
	void ackWaitThatBackoffWouldReplaceFailsStartup() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>",
					"nats.jetstream.streams.orders.consumers.billing.max-deliver=3",
					"nats.jetstream.streams.orders.consumers.billing.ack-wait=30s",
					"nats.jetstream.streams.orders.consumers.billing.backoff=1s,2s")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("nats.jetstream.streams.orders.consumers.billing.ack-wait: is replaced by the first backoff entry (1s)"));
	}

	@Test
	void startPositionsMustMatchTheDeliverPolicy() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.orders.subjects=orders.>",
					"nats.jetstream.streams.orders.consumers.a.opt-start-seq=10",
					"nats.jetstream.streams.orders.consumers.b.deliver-policy=by-start-sequence")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("nats.jetstream.streams.orders.consumers.a.opt-start-seq: is only allowed with deliver-policy by-start-sequence, not all")
				.contains("nats.jetstream.streams.orders.consumers.b.opt-start-seq: is required with deliver-policy by-start-sequence"));
	}

	@Test
	void invalidNamesAndKeyValueHistoryFailStartup() {
		this.offline
			.withPropertyValues("nats.jetstream.streams.[orders.eu].subjects=orders.eu",
					"nats.jetstream.key-value.carts.history=65")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("nats.jetstream.streams.orders.eu: 'orders.eu' is not a valid stream name")
				.contains("nats.jetstream.key-value.carts.history: must be between 1 and 64, was 65"));
	}

	@Test
	void invalidBeanDefinitionsFailStartupNamingTheBean() {
		this.offline.withBean("badStream", StreamDefinition.class,
				() -> StreamDefinition.builder("orders").subjects("orders.>").replicas(7).build())
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("streams.orders.replicas (bean 'badStream'): must be between 1 and 5, was 7"));
	}

	@Test
	void definitionsAreCheckedInEveryMode() {
		ConnectionStub connection = new ConnectionStub();
		this.withoutConnection.withBean(Connection.class, connection::connection)
			.withPropertyValues("nats.jetstream.provisioning.mode=validate",
					"nats.jetstream.streams.orders.subjects=orders.>", "nats.jetstream.streams.orders.replicas=0")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(JetStreamProvisioningException.class)
					.hasMessageContaining("nats.jetstream.streams.orders.replicas");
				assertThat(connection.calls()).doesNotContain("getStatus");
			});
	}

	@Test
	void failureAnalysisExplainsWhatToChange() {
		this.offline.withPropertyValues("nats.jetstream.streams.orders.max-msgs=0").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).startsWith("Invalid JetStream definition:");
			assertThat(analysis.getAction()).contains("nats.jetstream");
		});
	}

	private static List<JetStreamDefinition> definitions(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(JetStreamProvisioner.class).getDefinitions();
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		FailureAnalysis analysis = analyzers.stream()
			.map((analyzer) -> analyzer.analyze(context.getStartupFailure()))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersStreamConfiguration {

		static final StreamDefinition ORDERS = StreamDefinition.builder("orders").subjects("orders.>").build();

		@Bean
		StreamDefinition ordersStream() {
			return ORDERS;
		}

	}

}
