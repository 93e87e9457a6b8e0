package io.github.natsboot.cloud.stream.binder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.test.EmbeddedNats;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamInfoOptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JetStream bindings of the {@code nats} binder against a real server: a durable
 * consumer per group, acknowledgement after the function returns, redelivery with
 * backoff up to {@code maxAttempts} and then a dead letter, idempotent and asynchronous
 * publishing, and partitions as subject tokens.
 */
@SpringBootTest(classes = NatsBinderJetStreamIntegrationTests.BillingApplication.class,
		properties = { "spring.cloud.function.definition=bill;part",
				"nats.jetstream.streams.DLQ.subjects=dlq.>",
				"spring.cloud.stream.nats.default.consumer.ack-wait=20s",
				"spring.cloud.stream.bindings.bill-in-0.destination=orders.placed",
				"spring.cloud.stream.bindings.bill-in-0.group=billing",
				"spring.cloud.stream.bindings.bill-in-0.consumer.max-attempts=3",
				"spring.cloud.stream.bindings.bill-in-0.consumer.back-off-initial-interval=50",
				"spring.cloud.stream.nats.bindings.bill-in-0.consumer.stream=ORDERS",
				"spring.cloud.stream.bindings.invoices-out-0.destination=invoices.created",
				"spring.cloud.stream.nats.bindings.invoices-out-0.producer.stream=INVOICES",
				"spring.cloud.stream.bindings.native-out-0.destination=native.invoices",
				"spring.cloud.stream.bindings.native-out-0.producer.use-native-encoding=true",
				"spring.cloud.stream.nats.bindings.native-out-0.producer.stream=NATIVE",
				"spring.cloud.stream.bindings.audit-out-0.destination=audit.events",
				"spring.cloud.stream.nats.bindings.audit-out-0.producer.stream=AUDIT",
				"spring.cloud.stream.nats.bindings.audit-out-0.producer.async=true",
				"spring.cloud.stream.bindings.parts-out-0.destination=parts",
				"spring.cloud.stream.bindings.parts-out-0.producer.partition-count=2",
				"spring.cloud.stream.bindings.parts-out-0.producer.partition-key-expression=headers['key']",
				"spring.cloud.stream.nats.bindings.parts-out-0.producer.stream=PARTS",
				"spring.cloud.stream.bindings.part-in-0.destination=parts",
				"spring.cloud.stream.bindings.part-in-0.group=assemblers",
				"spring.cloud.stream.bindings.part-in-0.consumer.partitioned=true",
				"spring.cloud.stream.bindings.part-in-0.consumer.instance-count=2",
				"spring.cloud.stream.bindings.part-in-0.consumer.instance-index=1",
				"spring.cloud.stream.nats.bindings.part-in-0.consumer.stream=PARTS" })
@EmbeddedNats
class NatsBinderJetStreamIntegrationTests {

	@Autowired
	Connection connection;

	@Autowired
	BillingApplication application;

	@Autowired
	StreamBridge streamBridge;

	@Autowired
	MeterRegistry meterRegistry;

	@Test
	void aGroupConsumesThroughADurableConsumerNamedAfterItWithMaxAttemptsAsMaxDeliver() throws Exception {
		ConsumerInfo consumer = this.connection.jetStreamManagement().getConsumerInfo("ORDERS", "billing");

		assertThat(consumer.getConsumerConfiguration().getMaxDeliver()).isEqualTo(3);
		assertThat(consumer.getConsumerConfiguration().getAckWait()).isEqualTo(Duration.ofSeconds(20));
		assertThat(consumer.getConsumerConfiguration().getFilterSubject()).isEqualTo("orders.placed");
		assertThat(this.connection.jetStreamManagement().getStreamInfo("ORDERS").getConfiguration().getSubjects())
			.containsExactly("orders.placed", "orders.placed.>");
	}

	@Test
	void aConvertedMessageIsAcknowledgedOnceTheFunctionReturns() throws Exception {
		this.connection.jetStream().publish("orders.placed", json("{\"id\":\"o-1\",\"amount\":12}"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.application.billed.containsKey("o-1"));

		assertThat(this.application.billed.get("o-1").amount()).isEqualTo(12);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ConsumerInfo consumer = this.connection.jetStreamManagement().getConsumerInfo("ORDERS", "billing");
			assertThat(consumer.getNumAckPending()).isZero();
			assertThat(consumer.getNumPending()).isZero();
		});
	}

	@Test
	void bindingsAreMeteredAsTheStartersListenersAreUnderTheBindingName() throws Exception {
		this.connection.jetStream().publish("orders.placed", json("{\"id\":\"o-metered\",\"amount\":3}"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.application.billed.containsKey("o-metered"));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.meterRegistry.find(MicrometerNatsListenerMetricsFactory.PROCESS)
				.tags("listener.id", "bill-in-0", "subject", "orders.placed", "outcome", "success")
				.timer()).isNotNull()
				.satisfies((timer) -> assertThat(timer.count()).isPositive()));
		assertThat(this.meterRegistry.find(MicrometerNatsListenerMetricsFactory.ACKNOWLEDGEMENTS)
			.tags("listener.id", "bill-in-0")
			.counters()).isNotEmpty();
	}

	@Test
	void aFailingMessageIsRedeliveredUpToMaxAttemptsAndThenDeadLettered() throws Exception {
		JetStreamSubscription deadLetters = deadLetters("dlq.ORDERS.billing");
		this.connection.jetStream().publish("orders.placed", json("{\"id\":\"poison\",\"amount\":1}"));

		List<Message> letters = deadLetters.fetch(1, Duration.ofSeconds(15));

		assertThat(letters).hasSize(1);
		assertThat(this.application.attempts.get("poison").get()).isEqualTo(3);
		assertThat(letters.get(0).getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("3");
		assertThat(letters.get(0).getHeaders().getFirst(NatsHeaders.DLQ_EXCEPTION)).contains("IllegalStateException");
	}

	@Test
	void aPayloadTheFunctionCannotConvertIsDeadLetteredAtOnce() throws Exception {
		JetStreamSubscription deadLetters = deadLetters("dlq.ORDERS.billing");
		this.connection.jetStream().publish("orders.placed", json("not json at all"));

		List<Message> letters = deadLetters.fetch(1, Duration.ofSeconds(15));

		assertThat(letters).hasSize(1);
		assertThat(new String(letters.get(0).getData(), StandardCharsets.UTF_8)).isEqualTo("not json at all");
		assertThat(letters.get(0).getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("1");
	}

	@Test
	void aProducerBindingPublishesToItsStreamAndAMessageIdMakesThePublishIdempotent() throws Exception {
		for (int i = 0; i < 2; i++) {
			this.streamBridge.send("invoices-out-0", MessageBuilder.withPayload(new Invoice("inv-1", 12))
				.setHeader(NatsHeaders.MESSAGE_ID, "invoice-inv-1")
				.build());
		}
		this.streamBridge.send("invoices-out-0", new Invoice("inv-2", 5));

		JetStreamManagement management = this.connection.jetStreamManagement();
		assertThat(management.getStreamInfo("INVOICES").getStreamState().getMsgCount()).isEqualTo(2);
		assertThat(new String(management.getMessage("INVOICES", 1).getData(), StandardCharsets.UTF_8))
			.isEqualTo("{\"id\":\"inv-1\",\"amount\":12}");
		assertThat(management.getMessage("INVOICES", 1).getHeaders().getFirst("Content-Type"))
			.isEqualTo("application/json");
	}

	@Test
	void aProducerBindingWithNativeEncodingConvertsWithTheStartersConverter() throws Exception {
		this.streamBridge.send("native-out-0", new Invoice("inv-native", 7));

		io.nats.client.api.MessageInfo stored = this.connection.jetStreamManagement().getMessage("NATIVE", 1);

		assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
			.isEqualTo("{\"id\":\"inv-native\",\"amount\":7}");
		assertThat(stored.getHeaders().getFirst("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void anAsyncProducerBindingPublishesEveryMessageWithoutWaitingForEachAcknowledgement() throws Exception {
		for (int i = 0; i < 500; i++) {
			this.streamBridge.send("audit-out-0", "event-" + i);
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.connection.jetStreamManagement()
				.getStreamInfo("AUDIT")
				.getStreamState()
				.getMsgCount() == 500);
	}

	@Test
	void partitionsAreSubjectTokensAndAPartitionedConsumerReceivesOnlyItsOwn() throws Exception {
		for (int i = 0; i < 20; i++) {
			this.streamBridge.send("parts-out-0",
					MessageBuilder.withPayload("part-" + i).setHeader("key", "key-" + i).build());
		}
		JetStreamManagement management = this.connection.jetStreamManagement();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> management.getStreamInfo("PARTS").getStreamState().getMsgCount() == 20);
		Map<String, Long> perSubject = new java.util.HashMap<>();
		management.getStreamInfo("PARTS", StreamInfoOptions.allSubjects())
			.getStreamState()
			.getSubjects()
			.forEach((subject) -> perSubject.put(subject.getName(), subject.getCount()));
		assertThat(perSubject.keySet()).containsOnly("parts.0", "parts.1");
		long onPartitionOne = perSubject.get("parts.1");

		await().atMost(Duration.ofSeconds(10)).until(() -> this.application.parts.size() == onPartitionOne);

		assertThat(onPartitionOne).isBetween(1L, 19L);
		assertThat(this.application.partSubjects).containsOnly("parts.1");
		assertThat(management.getConsumerInfo("PARTS", "assemblers").getConsumerConfiguration().getFilterSubject())
			.isEqualTo("parts.1");
	}

	private JetStreamSubscription deadLetters(String subject) throws Exception {
		return this.connection.jetStream()
			.subscribe(subject, PullSubscribeOptions.builder()
				.stream("DLQ")
				.configuration(ConsumerConfiguration.builder()
					.filterSubject(subject)
					.deliverPolicy(io.nats.client.api.DeliverPolicy.New)
					.build())
				.build());
	}

	private static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	record Order(String id, int amount) {
	}

	record Invoice(String id, int amount) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BillingApplication {

		final Map<String, Order> billed = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		final List<String> parts = new CopyOnWriteArrayList<>();

		final List<String> partSubjects = new CopyOnWriteArrayList<>();

		@Bean
		Consumer<Order> bill() {
			return (order) -> {
				this.attempts.computeIfAbsent(order.id(), (id) -> new AtomicInteger()).incrementAndGet();
				if (order.id().equals("poison")) {
					throw new IllegalStateException("cannot bill " + order.id());
				}
				this.billed.put(order.id(), order);
			};
		}

		@Bean
		Consumer<org.springframework.messaging.Message<String>> part() {
			return (message) -> {
				this.parts.add(message.getPayload());
				this.partSubjects.add((String) message.getHeaders().get(NatsHeaders.RECEIVED_SUBJECT));
			};
		}

	}

}
