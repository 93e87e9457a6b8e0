package io.github.natsboot.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch JetStream listeners ({@code batch = "true"}) against a real server: batches of
 * up to {@code maxBatch}, partial batches flushed after {@code maxWait}, acknowledgement
 * of a batch on success, failure of every message (or of the one named) when the method
 * throws, per-message outcomes, dead letters per message, unreadable payloads left out of
 * a batch, the three kinds of list, a stop in the middle of a batch, and the attribute
 * combinations refused at startup.
 */
@EmbeddedNats
class JetStreamBatchListenerIntegrationTests {

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection admin;

	private JetStreamManagement management;

	JetStreamBatchListenerIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=10s", "nats.reconnect.wait=100ms",
					"nats.listener.jetstream.backoff=100ms");
	}

	@BeforeEach
	void createStreams() throws Exception {
		this.admin = Nats.connect(this.server.getUrl());
		this.management = this.admin.jetStreamManagement();
		TestStreams.reset(this.management, TestStreams.fileStream("ORDERS", "orders.>"),
				TestStreams.fileStream("DLQ", "dlq.>"));
	}

	@AfterEach
	void close() throws InterruptedException {
		this.admin.close();
	}

	@Test
	void aBacklogArrivesInBatchesOfAtMostMaxBatchAndEveryMessageIsAcknowledgedAndCounted() throws Exception {
		publish("orders.backlog", 95);
		this.contextRunner.withConfiguration(AutoConfigurations.of(NatsMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(BacklogListener.class)
			.run((context) -> {
				BacklogListener listener = context.getBean(BacklogListener.class);
				await().atMost(Duration.ofSeconds(20)).until(() -> listener.seen.size() == 95);
				await().atMost(Duration.ofSeconds(10)).until(() -> settled("backlog"));
				ConsumerInfo info = this.management.getConsumerInfo("ORDERS", "backlog");
				assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(95);
				assertThat(info.getRedelivered()).isZero();
				assertThat(listener.sizes).allSatisfy((size) -> assertThat(size).isBetween(1, 10));
				assertThat(listener.sizes).contains(10);
				assertThat(listener.sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(95);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				DistributionSummary sizes = registry.get(MicrometerNatsListenerMetricsFactory.BATCH_SIZE)
					.tag("listener.id", "backlog")
					.summary();
				assertThat(sizes.count()).isEqualTo(listener.sizes.size());
				assertThat(sizes.totalAmount()).isEqualTo(95);
				assertThat(sizes.max()).isEqualTo(10);
				assertThat(registry.get(MicrometerNatsListenerMetricsFactory.PROCESS)
					.tag("listener.id", "backlog")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(listener.sizes.size());
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(registry.get(MicrometerNatsListenerMetricsFactory.ACKNOWLEDGEMENTS)
						.tag("listener.id", "backlog")
						.tag("type", "ack")
						.counter()
						.count()).isEqualTo(95));
			});
	}

	@Test
	void maxWaitFlushesAPartialBatch() {
		this.contextRunner.withUserConfiguration(PartialBatchListener.class).run((context) -> {
			PartialBatchListener listener = context.getBean(PartialBatchListener.class);
			NatsTemplate template = context.getBean(NatsTemplate.class);
			long start = System.nanoTime();
			for (int i = 0; i < 3; i++) {
				template.publishToStream("orders.partial", new Order("o-" + i, i));
			}
			assertThat(listener.received.await(5, TimeUnit.SECONDS)).isTrue();
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			assertThat(listener.batches).containsExactly(List.of("o-0", "o-1", "o-2"));
			assertThat(waited).as("the batch waited for maxWait (300ms), not for 100 messages")
				.isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
			await().atMost(Duration.ofSeconds(5)).until(() -> settled("partial"));
		});
	}

	@Test
	void aThrowingListenerFailsEveryMessageOfTheBatchWhichIsRedeliveredWithItsDeliveryCount() throws Exception {
		publish("orders.flaky", 4);
		this.contextRunner.withUserConfiguration(FlakyListener.class).run((context) -> {
			FlakyListener listener = context.getBean(FlakyListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.succeeded.get() == 4);
			await().atMost(Duration.ofSeconds(5)).until(() -> settled("flaky"));
			assertThat(listener.deliveries.get(1)).as("first invocation").containsOnly(1L).hasSize(4);
			assertThat(listener.deliveries.get(2)).as("second invocation").containsOnly(2L).hasSize(4);
			assertThat(listener.deliveries).hasSize(2);
		});
	}

	@Test
	void theBatchAcknowledgmentSettlesEachMessageAndTheRestIsAcknowledgedOnReturn() throws Exception {
		publish("orders.outcomes", 5);
		this.contextRunner.withUserConfiguration(OutcomesListener.class)
			.withPropertyValues("nats.listener.jetstream.max-deliver=2")
			.run((context) -> {
				OutcomesListener listener = context.getBean(OutcomesListener.class);
				MessageInfo dead = awaitDeadLetter("dlq.ORDERS.outcomes");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("max-deliveries");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_STREAM_SEQUENCE)).isEqualTo("2");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("2");
				await().atMost(Duration.ofSeconds(5)).until(() -> settled("outcomes"));
				assertThat(listener.seen).containsEntry("o-0", 1)
					.containsEntry("o-1", 2)
					.containsEntry("o-2", 1)
					.containsEntry("o-3", 1)
					.containsEntry("o-4", 1);
				assertThat(this.management.getConsumerInfo("ORDERS", "outcomes").getRedelivered()).isZero();
			});
	}

	@Test
	void aBatchListenerFailedExceptionAcknowledgesTheMessagesBeforeItAndRedeliversThoseAfterIt()
			throws Exception {
		publish("orders.named", 5);
		this.contextRunner.withUserConfiguration(NamedFailureListener.class)
			.withPropertyValues("nats.listener.jetstream.max-deliver=3")
			.run((context) -> {
				NamedFailureListener listener = context.getBean(NamedFailureListener.class);
				MessageInfo dead = awaitDeadLetter("dlq.ORDERS.named");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_STREAM_SEQUENCE)).isEqualTo("3");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("3");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_EXCEPTION))
					.isEqualTo("java.lang.IllegalArgumentException: o-2 is bad");
				await().atMost(Duration.ofSeconds(5)).until(() -> settled("named"));
				assertThat(listener.first).containsExactly("o-0", "o-1", "o-2", "o-3", "o-4");
				assertThat(listener.seen).containsEntry("o-0", 1).containsEntry("o-1", 1).containsEntry("o-2", 3);
				assertThat(listener.seen.get("o-3")).isGreaterThan(1);
				assertThat(listener.seen.get("o-4")).isGreaterThan(1);
				assertThat(this.management.getStreamInfo("DLQ").getStreamState().getMsgCount()).isOne();
			});
	}

	@Test
	void eachMessageOfAFailingBatchIsDeadLetteredAtTheMaxDeliveriesOfADeclaredConsumer() throws Exception {
		this.management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("doomed")
			.filterSubject("orders.doomed")
			.ackPolicy(AckPolicy.Explicit)
			.maxDeliver(2)
			.build());
		publish("orders.doomed", 3);
		this.contextRunner.withUserConfiguration(DoomedListener.class).run((context) -> {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.management.getStreamInfo("DLQ").getStreamState().getMsgCount() == 3);
			for (long sequence = 1; sequence <= 3; sequence++) {
				MessageInfo dead = this.management.getMessage("DLQ", sequence);
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("max-deliveries");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("2");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_EXCEPTION))
					.isEqualTo("java.lang.IllegalStateException: the whole batch fails");
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> settled("doomed"));
			assertThat(context.getBean(DoomedListener.class).invocations).hasValue(2);
		});
	}

	@Test
	void anUnreadablePayloadIsDeadLetteredAtOnceAndTheRestOfTheBatchIsDelivered() throws Exception {
		try (Connection publisher = Nats.connect(this.server.getUrl())) {
			publisher.jetStream().publish("orders.mixed", json(new Order("o-0", 0)));
			publisher.jetStream().publish("orders.mixed", "{not json".getBytes(StandardCharsets.UTF_8));
			publisher.jetStream().publish("orders.mixed", json(new Order("o-2", 2)));
		}
		this.contextRunner.withUserConfiguration(MixedListener.class).run((context) -> {
			MixedListener listener = context.getBean(MixedListener.class);
			MessageInfo dead = awaitDeadLetter("dlq.ORDERS.mixed");
			assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("not-convertible");
			assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_STREAM_SEQUENCE)).isEqualTo("2");
			assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("1");
			await().atMost(Duration.ofSeconds(5)).until(() -> settled("mixed"));
			assertThat(listener.batches).containsExactly(List.of("o-0", "o-2"));
		});
	}

	@Test
	void springMessagesCarryTheConvertedPayloadsAndTheHeadersOfEachMessage() throws Exception {
		try (Connection publisher = Nats.connect(this.server.getUrl())) {
			for (int i = 0; i < 3; i++) {
				publisher.jetStream()
					.publish("orders.messages", new Headers().put("X-Tenant", "t-" + i), json(new Order("o-" + i, i)));
			}
		}
		this.contextRunner.withUserConfiguration(SpringMessagesListener.class).run((context) -> {
			SpringMessagesListener listener = context.getBean(SpringMessagesListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() == 3);
			assertThat(listener.received).containsExactly("o-0@t-0 on orders.messages", "o-1@t-1 on orders.messages",
					"o-2@t-2 on orders.messages");
			await().atMost(Duration.ofSeconds(5)).until(() -> settled("messages"));
		});
	}

	@Test
	void aListOfStringsReadsEachPayloadAsText() throws Exception {
		try (Connection publisher = Nats.connect(this.server.getUrl())) {
			publisher.jetStream().publish("orders.text", "one".getBytes(StandardCharsets.UTF_8));
			publisher.jetStream().publish("orders.text", "two".getBytes(StandardCharsets.UTF_8));
		}
		this.contextRunner.withUserConfiguration(TextListener.class).run((context) -> {
			TextListener listener = context.getBean(TextListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() == 2);
			assertThat(listener.received).containsExactly("one", "two");
		});
	}

	@Test
	void aListParameterWithoutBatchStillReceivesOneMessageWithAJsonArray() {
		this.contextRunner.withUserConfiguration(ArrayListener.class).run((context) -> {
			context.getBean(NatsTemplate.class)
				.publishToStream("orders.array", List.of(new Order("o-0", 0), new Order("o-1", 1)));
			ArrayListener listener = context.getBean(ArrayListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !listener.received.isEmpty());
			assertThat(listener.received).containsExactly(List.of(new Order("o-0", 0), new Order("o-1", 1)));
		});
	}

	@Test
	void aLongBatchIsKeptAliveInsteadOfRedelivered() throws Exception {
		this.management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("slow")
			.filterSubject("orders.slow")
			.ackPolicy(AckPolicy.Explicit)
			.ackWait(Duration.ofSeconds(2))
			.build());
		publish("orders.slow", 3);
		this.contextRunner.withUserConfiguration(SlowListener.class).run((context) -> {
			SlowListener listener = context.getBean(SlowListener.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> listener.finished.get() == 1);
			Thread.sleep(2500);
			assertThat(listener.invocations).hasValue(1);
			assertThat(settled("slow")).isTrue();
			assertThat(this.management.getConsumerInfo("ORDERS", "slow").getRedelivered()).isZero();
		});
	}

	@Test
	void stoppingInTheMiddleOfABatchFinishesItAndReleasesTheRestLosingNothing() throws Exception {
		publish("orders.stopping", 20);
		Map<String, Integer> seen = new ConcurrentHashMap<>();
		CountDownLatch started = new CountDownLatch(1);
		ApplicationContextRunner instance = this.contextRunner.withUserConfiguration(StoppingListener.class)
			.withBean(Tally.class, () -> new Tally(seen, started));
		instance.run((context) -> assertThat(started.await(10, TimeUnit.SECONDS)).isTrue());
		int processedByFirst = seen.size();
		long start = System.nanoTime();
		instance.run((context) -> await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 20));
		Duration takeover = Duration.ofNanos(System.nanoTime() - start);
		assertThat(processedByFirst).as("the batch in process when the stop began").isEqualTo(5);
		assertThat(takeover).as("collected messages released, not left to the 30 s ack wait")
			.isLessThan(Duration.ofSeconds(10));
		assertThat(seen.values()).as("nothing processed twice").containsOnly(1);
	}

	@Test
	void aBatchOnACoreListenerFailsStartup() {
		assertStartupFails(CoreBatchListener.class, "without a stream", "batches are received from JetStream");
	}

	@Test
	void anOrderedBatchListenerFailsStartup() {
		assertStartupFails(OrderedBatchListener.class, "is both ordered and a batch listener");
	}

	@Test
	void aBatchListenerWithoutAListFailsStartup() {
		assertStartupFails(NoListBatchListener.class, "takes no List parameter");
	}

	@Test
	void aBatchListenerWithAnUntypedListFailsStartup() {
		assertStartupFails(UntypedListBatchListener.class, "does not say what its elements are");
	}

	@Test
	void aBatchListenerWithAnotherParameterFailsStartup() {
		assertStartupFails(ExtraParameterBatchListener.class, "parameter 1 is a java.lang.String");
	}

	@Test
	void aBatchListenerTakingASinglePayloadFailsStartup() {
		assertStartupFails(SinglePayloadBatchListener.class, "its parameters are one List",
				"parameter 0 is a " + Order.class.getName());
	}

	@Test
	void aBatchListenerWithASingleMessageAcknowledgmentFailsStartup() {
		assertStartupFails(SingleAcknowledgmentBatchListener.class, "use NatsBatchAcknowledgment");
	}

	@Test
	void aBatchListenerReturningAFutureFailsStartup() {
		assertStartupFails(AsyncBatchListener.class, "returns its result asynchronously");
	}

	@Test
	void maxBatchWithoutBatchFailsStartup() {
		assertStartupFails(MaxBatchWithoutBatchListener.class, "apply to batch listeners only");
	}

	@Test
	void aBatchAcknowledgmentWithoutBatchFailsStartup() {
		assertStartupFails(BatchAcknowledgmentWithoutBatchListener.class, "which only batch listeners get");
	}

	@Test
	void aMaxBatchBelowOneFailsStartup() {
		assertStartupFails(ZeroMaxBatchListener.class, "maxBatch must be a number of at least 1, was '0'");
	}

	@Test
	void aMaxWaitThatIsNotADurationFailsStartup() {
		assertStartupFails(BadMaxWaitListener.class, "'soon' in maxWait is not a duration");
	}

	@Test
	void aMaxWaitOfHalfTheAckWaitOrMoreFailsStartup() throws Exception {
		this.management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("impatient")
			.filterSubject("orders.impatient")
			.ackPolicy(AckPolicy.Explicit)
			.ackWait(Duration.ofSeconds(2))
			.build());
		assertStartupFails(LongMaxWaitListener.class, "waits up to PT1S (maxWait)",
				"half the ack wait of its consumer (PT2S)");
	}

	private void assertStartupFails(Class<?> configuration, String... messages) {
		this.contextRunner.withUserConfiguration(configuration).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
			for (String message : messages) {
				assertThat(failure).hasMessageContaining(message);
			}
		});
	}

	private void publish(String subject, int count) throws Exception {
		try (Connection publisher = Nats.connect(this.server.getUrl())) {
			for (int i = 0; i < count; i++) {
				publisher.jetStream().publish(subject, json(new Order("o-" + i, i)));
			}
		}
	}

	private static byte[] json(Order order) {
		return ("{\"id\":\"" + order.id() + "\",\"quantity\":" + order.quantity() + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private boolean settled(String consumer) throws Exception {
		ConsumerInfo info = this.management.getConsumerInfo("ORDERS", consumer);
		return info.getNumAckPending() == 0 && info.getNumPending() == 0;
	}

	private MessageInfo awaitDeadLetter(String subject) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.management.getStreamInfo("DLQ").getStreamState().getMsgCount() > 0);
		try {
			return this.management.getLastMessage("DLQ", subject);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Order(String id, int quantity) {
	}

	record Tally(Map<String, Integer> seen, CountDownLatch started) {

	}

	static List<String> ids(List<Order> orders) {
		return orders.stream().map(Order::id).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class BacklogListener {

		final Set<String> seen = ConcurrentHashMap.newKeySet();

		final List<Integer> sizes = new CopyOnWriteArrayList<>();

		@NatsListener(id = "backlog", stream = "ORDERS", subjects = "orders.backlog", batch = "true",
				maxBatch = "10")
		void onOrders(List<Order> orders) {
			this.sizes.add(orders.size());
			orders.forEach((order) -> this.seen.add(order.id()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PartialBatchListener {

		final List<List<String>> batches = new CopyOnWriteArrayList<>();

		final CountDownLatch received = new CountDownLatch(1);

		@NatsListener(id = "partial", stream = "ORDERS", subjects = "orders.partial", batch = "true",
				maxWait = "300ms")
		void onOrders(List<Order> orders) {
			this.batches.add(ids(orders));
			this.received.countDown();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FlakyListener {

		final Map<Integer, List<Long>> deliveries = new ConcurrentHashMap<>();

		final AtomicInteger invocations = new AtomicInteger();

		final AtomicInteger succeeded = new AtomicInteger();

		@NatsListener(id = "flaky", stream = "ORDERS", subjects = "orders.flaky", batch = "true", maxWait = "500ms")
		void onMessages(List<io.nats.client.Message> messages) {
			int invocation = this.invocations.incrementAndGet();
			this.deliveries.put(invocation, messages.stream().map((m) -> m.metaData().deliveredCount()).toList());
			if (invocation == 1) {
				throw new IllegalStateException("first attempt fails");
			}
			this.succeeded.addAndGet(messages.size());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OutcomesListener {

		final Map<String, Integer> seen = new ConcurrentHashMap<>();

		@NatsListener(id = "outcomes", stream = "ORDERS", subjects = "orders.outcomes", batch = "true",
				maxWait = "500ms")
		void onOrders(List<Order> orders, NatsBatchAcknowledgment acknowledgment) {
			assertThat(acknowledgment.size()).isEqualTo(orders.size());
			for (int i = 0; i < orders.size(); i++) {
				String id = orders.get(i).id();
				this.seen.merge(id, 1, Integer::sum);
				if (id.equals("o-1")) {
					acknowledgment.nak(i);
				}
				else if (id.equals("o-3")) {
					acknowledgment.term(i);
				}
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedFailureListener {

		final Map<String, Integer> seen = new ConcurrentHashMap<>();

		final List<String> first = new CopyOnWriteArrayList<>();

		@NatsListener(id = "named", stream = "ORDERS", subjects = "orders.named", batch = "true", maxWait = "500ms")
		void onOrders(List<Order> orders) {
			if (this.first.isEmpty()) {
				this.first.addAll(ids(orders));
			}
			orders.forEach((order) -> this.seen.merge(order.id(), 1, Integer::sum));
			int bad = ids(orders).indexOf("o-2");
			if (bad >= 0) {
				throw new NatsBatchListenerFailedException("o-2 failed",
						new IllegalArgumentException("o-2 is bad"), bad);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DoomedListener {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(stream = "ORDERS", consumer = "doomed", batch = "true", maxWait = "500ms")
		void onOrders(List<Order> orders) {
			this.invocations.incrementAndGet();
			throw new IllegalStateException("the whole batch fails");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MixedListener {

		final List<List<String>> batches = new CopyOnWriteArrayList<>();

		@NatsListener(id = "mixed", stream = "ORDERS", subjects = "orders.mixed", batch = "true", maxWait = "500ms")
		void onOrders(List<Order> orders) {
			this.batches.add(ids(orders));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SpringMessagesListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsListener(id = "messages", stream = "ORDERS", subjects = "orders.messages", batch = "true",
				maxWait = "500ms")
		void onMessages(List<Message<Order>> messages) {
			for (Message<Order> message : messages) {
				this.received.add(message.getPayload().id() + "@" + message.getHeaders().get("X-Tenant") + " on "
						+ message.getHeaders().get(NatsHeaders.RECEIVED_SUBJECT));
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TextListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsListener(id = "text", stream = "ORDERS", subjects = "orders.text", batch = "true", maxWait = "500ms")
		void onText(List<String> texts) {
			this.received.addAll(texts);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ArrayListener {

		final List<List<Order>> received = new CopyOnWriteArrayList<>();

		@NatsListener(id = "array", stream = "ORDERS", subjects = "orders.array")
		void onArray(List<Order> orders) {
			this.received.add(orders);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowListener {

		final AtomicInteger invocations = new AtomicInteger();

		final AtomicInteger finished = new AtomicInteger();

		@NatsListener(stream = "ORDERS", consumer = "slow", batch = "true", maxWait = "200ms")
		void onOrders(List<Order> orders) throws InterruptedException {
			this.invocations.incrementAndGet();
			Thread.sleep(5000);
			this.finished.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StoppingListener {

		private final Tally tally;

		StoppingListener(Tally tally) {
			this.tally = tally;
		}

		@NatsListener(id = "stopping", stream = "ORDERS", subjects = "orders.stopping", batch = "true",
				maxBatch = "5")
		void onOrders(List<Order> orders) throws InterruptedException {
			this.tally.started().countDown();
			Thread.sleep(1000);
			orders.forEach((order) -> this.tally.seen().merge(order.id(), 1, Integer::sum));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CoreBatchListener {

		@NatsListener(subjects = "core.orders", batch = "true")
		void onOrders(List<Order> orders) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.ordered", ordered = "true", batch = "true")
		void onOrders(List<Order> orders) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoListBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.nolist", batch = "true")
		void onNothing() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SinglePayloadBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.single", batch = "true")
		void onOrder(Order order) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UntypedListBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.untyped", batch = "true")
		@SuppressWarnings("rawtypes")
		void onOrders(List orders) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExtraParameterBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.extra", batch = "true")
		void onOrders(List<Order> orders, String subject) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SingleAcknowledgmentBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.single", batch = "true")
		void onOrders(List<Order> orders, NatsAcknowledgment acknowledgment) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.async", batch = "true")
		java.util.concurrent.CompletableFuture<Void> onOrders(List<Order> orders) {
			return java.util.concurrent.CompletableFuture.completedFuture(null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MaxBatchWithoutBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.nobatch", maxBatch = "50")
		void onOrder(Order order) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BatchAcknowledgmentWithoutBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.noack")
		void onOrder(Order order, NatsBatchAcknowledgment acknowledgment) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ZeroMaxBatchListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.zero", batch = "true", maxBatch = "0")
		void onOrders(List<Order> orders) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadMaxWaitListener {

		@NatsListener(stream = "ORDERS", subjects = "orders.soon", batch = "true", maxWait = "soon")
		void onOrders(List<Order> orders) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LongMaxWaitListener {

		@NatsListener(stream = "ORDERS", consumer = "impatient", batch = "true", maxWait = "1s")
		void onOrders(List<Order> orders) {
		}

	}

}
