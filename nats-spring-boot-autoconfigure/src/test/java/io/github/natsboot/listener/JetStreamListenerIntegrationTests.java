package io.github.natsboot.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedNats
class JetStreamListenerIntegrationTests {

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection admin;

	private JetStreamManagement management;

	JetStreamListenerIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=10s", "nats.reconnect.wait=100ms");
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
	void everyMessageIsProcessedExactlyOnceAndAcknowledged() {
		int messages = 10_000;
		this.contextRunner.withUserConfiguration(CountingListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			long start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				template.publishToStreamAsync("orders.created", new Order("o-" + i, i));
			}
			CountingListener listener = context.getBean(CountingListener.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> listener.seen.size() == messages);
			long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				ConsumerInfo info = this.management.getConsumerInfo("ORDERS", "counting");
				return info.getAckFloor().getStreamSequence() == messages && info.getNumAckPending() == 0;
			});
			System.out.printf("JetStream listener: %d messages published and processed in %d ms, %d duplicates%n",
					messages, millis, listener.duplicates.get());
			assertThat(listener.duplicates).hasValue(0);
			assertThat(listener.invocations).hasValue(messages);
		});
	}

	@Test
	void failingHandlerEndsInTheDeadLetterSubjectAfterMaxDeliveriesWithHeaders() throws Exception {
		this.management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("failing")
			.filterSubject("orders.failing")
			.ackPolicy(AckPolicy.Explicit)
			.maxDeliver(3)
			.build());
		this.contextRunner.withUserConfiguration(FailingListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("orders.failing", new Order("o-bad", 1));
			Message dead = nextDeadLetter("dlq.ORDERS.failing");
			assertThat(context.getBean(FailingListener.class).invocations).hasValue(3);
			Headers headers = dead.getHeaders();
			assertThat(headers.getFirst(NatsHeaders.DLQ_SUBJECT)).isEqualTo("orders.failing");
			assertThat(headers.getFirst(NatsHeaders.DLQ_STREAM)).isEqualTo("ORDERS");
			assertThat(headers.getFirst(NatsHeaders.DLQ_CONSUMER)).isEqualTo("failing");
			assertThat(headers.getFirst(NatsHeaders.DLQ_STREAM_SEQUENCE)).isEqualTo("1");
			assertThat(headers.getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("3");
			assertThat(headers.getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("max-deliveries");
			assertThat(headers.getFirst(NatsHeaders.DLQ_EXCEPTION))
				.isEqualTo("java.lang.IllegalStateException: cannot process o-bad");
			assertThat(new String(dead.getData(), StandardCharsets.UTF_8)).contains("o-bad");
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.management.getConsumerInfo("ORDERS", "failing").getNumAckPending() == 0);
		});
	}

	@Test
	void poisonPayloadIsDeadLetteredAtOnceWithoutRetries() {
		this.contextRunner.withUserConfiguration(CountingListener.class).run((context) -> {
			Headers json = new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json");
			context.getBean(NatsTemplate.class)
				.publishToStream("orders.created", "{not json".getBytes(StandardCharsets.UTF_8), json, null);
			Message dead = nextDeadLetter("dlq.ORDERS.counting");
			assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("not-convertible");
			assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("1");
			assertThat(context.getBean(CountingListener.class).invocations).hasValue(0);
		});
	}

	@Test
	void anUnreadablePayloadIsTerminatedOrRetriedWhenTheListenerSaysSo() throws Exception {
		this.contextRunner.withUserConfiguration(UnreadablePayloadListeners.class)
			.withPropertyValues("nats.listener.jetstream.max-deliver=3")
			.run((context) -> {
				NatsTemplate template = context.getBean(NatsTemplate.class);
				byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
				template.publishToStream("orders.term", poison, null, null);
				template.publishToStream("orders.nak", poison, null, null);
				Message dead = nextDeadLetter("dlq.ORDERS.nak");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("max-deliveries");
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("3");
				await().atMost(Duration.ofSeconds(5)).until(() -> settled("term") && settled("nak"));
				assertThat(this.management.getConsumerInfo("ORDERS", "term").getRedelivered()).isZero();
				assertThat(this.management.getStreamInfo("DLQ").getStreamState().getMsgCount()).isOne();
				assertThat(context.getBean(UnreadablePayloadListeners.class).invocations).hasValue(0);
			});
	}

	private boolean settled(String consumer) throws Exception {
		ConsumerInfo info = this.management.getConsumerInfo("ORDERS", consumer);
		return info.getNumAckPending() == 0 && info.getNumPending() == 0;
	}

	@Test
	void manualAcknowledgmentLetsTheListenerDecide() {
		this.contextRunner.withUserConfiguration(ManualAckListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("orders.manual", new Order("o-m", 1));
			ManualAckListener listener = context.getBean(ManualAckListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.acked.getCount() == 0);
			assertThat(listener.invocations).hasValue(2);
		});
	}

	@Test
	void slowHandlerPastTheAckWaitIsKeptAliveInsteadOfRedelivered() throws Exception {
		this.management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("slow")
			.filterSubject("orders.slow")
			.ackPolicy(AckPolicy.Explicit)
			.ackWait(Duration.ofSeconds(2))
			.build());
		this.contextRunner.withUserConfiguration(SlowListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("orders.slow", new Order("o-s", 1));
			SlowListener listener = context.getBean(SlowListener.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> listener.finished.get() == 1);
			Thread.sleep(2500);
			assertThat(listener.invocations).hasValue(1);
			assertThat(this.management.getConsumerInfo("ORDERS", "slow").getNumAckPending()).isZero();
		});
	}

	@Test
	void twoInstancesShareADurableConsumerWithoutDuplicates() throws Exception {
		this.management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("shared")
			.filterSubject("orders.shared")
			.ackPolicy(AckPolicy.Explicit)
			.build());
		Set<String> seen = ConcurrentHashMap.newKeySet();
		AtomicInteger duplicates = new AtomicInteger();
		ApplicationContextRunner instance = this.contextRunner.withUserConfiguration(SharedListener.class)
			.withBean(Tally.class, () -> new Tally(seen, duplicates));
		instance.run((first) -> instance.run((second) -> {
			NatsTemplate template = first.getBean(NatsTemplate.class);
			for (int i = 0; i < 2000; i++) {
				template.publishToStreamAsync("orders.shared", new Order("o-" + i, i));
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 2000);
			int firstCount = first.getBean(SharedListener.class).count.get();
			int secondCount = second.getBean(SharedListener.class).count.get();
			System.out.printf("shared durable: 2000 messages split %d / %d, %d duplicates%n", firstCount, secondCount,
					duplicates.get());
			assertThat(firstCount).isPositive();
			assertThat(secondCount).isPositive();
		}));
		assertThat(duplicates).hasValue(0);
	}

	@Test
	void stoppingLetsTheInFlightMessageFinishAndReleasesBufferedOnesAtOnce() throws Exception {
		this.management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("draining")
			.filterSubject("orders.draining")
			.ackPolicy(AckPolicy.Explicit)
			.ackWait(Duration.ofSeconds(30))
			.build());
		Set<String> seen = ConcurrentHashMap.newKeySet();
		AtomicInteger duplicates = new AtomicInteger();
		ApplicationContextRunner instance = this.contextRunner.withUserConfiguration(DrainingListener.class)
			.withBean(Tally.class, () -> new Tally(seen, duplicates));
		instance.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			for (int i = 0; i < 20; i++) {
				template.publishToStream("orders.draining", new Order("o-" + i, i));
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 1);
		});
		int processedByFirst = seen.size();
		long start = System.nanoTime();
		instance.run((context) -> await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 20));
		Duration takeover = Duration.ofNanos(System.nanoTime() - start);
		System.out.printf("stop: first instance processed %d of 20, the rest taken over in %d ms%n",
				processedByFirst, takeover.toMillis());
		assertThat(processedByFirst).isLessThan(20);
		assertThat(takeover).as("buffered messages released, not left to the 30 s ack wait")
			.isLessThan(Duration.ofSeconds(10));
		assertThat(duplicates).hasValue(0);
	}

	@Test
	void listenerBoundToAMissingStreamFailsStartupWithAnAnalysis() {
		this.contextRunner.withUserConfiguration(MissingStreamListener.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new NatsListenerBindingFailureAnalyzerAccess()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("stream 'NOPE'").contains("does not exist");
			assertThat(analysis.getAction()).contains("nats.jetstream.streams");
		});
	}

	@Test
	void listenerBoundToAMissingConsumerFailsStartupNamingTheProperty() {
		this.contextRunner.withUserConfiguration(MissingConsumerListener.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("consumer 'ghost' of stream 'ORDERS'")
				.hasMessageContaining("nats.jetstream.streams.ORDERS.consumers.ghost"));
	}

	private Message nextDeadLetter(String subject) throws Exception {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.management.getStreamInfo("DLQ").getStreamState().getMsgCount() > 0);
		return this.management.getLastMessage("DLQ", subject) != null
				? toMessage(this.management.getLastMessage("DLQ", subject)) : null;
	}

	private static Message toMessage(io.nats.client.api.MessageInfo info) {
		return new io.nats.client.impl.NatsMessage(info.getSubject(), null, info.getHeaders(), info.getData());
	}

	record Order(String id, int quantity) {
	}

	record Tally(Set<String> seen, AtomicInteger duplicates) {

		void record(String id) {
			if (!this.seen.add(id)) {
				this.duplicates.incrementAndGet();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingListener {

		final Set<String> seen = ConcurrentHashMap.newKeySet();

		final AtomicInteger duplicates = new AtomicInteger();

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(id = "counting", stream = "ORDERS", subjects = "orders.created", concurrency = "2")
		void onOrder(Order order) {
			this.invocations.incrementAndGet();
			if (!this.seen.add(order.id())) {
				this.duplicates.incrementAndGet();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnreadablePayloadListeners {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(id = "term", stream = "ORDERS", subjects = "orders.term",
				unreadablePayload = UnreadablePayloadAction.TERM)
		void terminated(Order order) {
			this.invocations.incrementAndGet();
		}

		@NatsListener(id = "nak", stream = "ORDERS", subjects = "orders.nak", backoff = "50ms",
				unreadablePayload = UnreadablePayloadAction.NAK)
		void retried(Order order) {
			this.invocations.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(stream = "ORDERS", consumer = "failing", backoff = "100ms")
		void onOrder(Order order) {
			this.invocations.incrementAndGet();
			throw new IllegalStateException("cannot process " + order.id());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ManualAckListener {

		final AtomicInteger invocations = new AtomicInteger();

		final CountDownLatch acked = new CountDownLatch(1);

		@NatsListener(id = "manual", stream = "ORDERS", subjects = "orders.manual")
		void onOrder(Order order, NatsAcknowledgment acknowledgment) {
			if (this.invocations.incrementAndGet() == 1) {
				acknowledgment.nak(Duration.ofMillis(100));
			}
			else {
				acknowledgment.ack();
				this.acked.countDown();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowListener {

		final AtomicInteger invocations = new AtomicInteger();

		final AtomicInteger finished = new AtomicInteger();

		@NatsListener(stream = "ORDERS", consumer = "slow")
		void onOrder(Order order) throws InterruptedException {
			this.invocations.incrementAndGet();
			Thread.sleep(5000);
			this.finished.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SharedListener {

		final AtomicInteger count = new AtomicInteger();

		private final Tally tally;

		SharedListener(Tally tally) {
			this.tally = tally;
		}

		@NatsListener(stream = "ORDERS", consumer = "shared")
		void onOrder(Order order) {
			this.count.incrementAndGet();
			this.tally.record(order.id());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DrainingListener {

		private final Tally tally;

		DrainingListener(Tally tally) {
			this.tally = tally;
		}

		@NatsListener(stream = "ORDERS", consumer = "draining")
		void onOrder(Order order) throws InterruptedException {
			Thread.sleep(300);
			this.tally.record(order.id());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingStreamListener {

		@NatsListener(stream = "NOPE", subjects = "nope.>")
		void onOrder(Order order) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingConsumerListener {

		@NatsListener(stream = "ORDERS", consumer = "ghost")
		void onOrder(Order order) {
		}

	}

}
