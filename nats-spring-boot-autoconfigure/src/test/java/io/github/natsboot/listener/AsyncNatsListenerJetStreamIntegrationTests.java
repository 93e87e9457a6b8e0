package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JetStream {@code @NatsListener} methods that return a {@code CompletableFuture} or a
 * {@code Mono} settle their message when the result completes: acked on success, nak'ed
 * for redelivery on error and dead-lettered at max deliveries, kept alive past the ack
 * wait while incomplete, and left unacked for redelivery when the listener stops before
 * the result completes.
 */
@EmbeddedNats
class AsyncNatsListenerJetStreamIntegrationTests {

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection admin;

	private JetStreamManagement management;

	AsyncNatsListenerJetStreamIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s");
	}

	@BeforeEach
	void createStreams() throws Exception {
		this.admin = Nats.connect(this.server.getUrl());
		this.management = this.admin.jetStreamManagement();
		TestStreams.reset(this.management, TestStreams.fileStream("ASYNC", "async.>"),
				TestStreams.fileStream("DLQ", "dlq.>"));
	}

	@AfterEach
	void close() throws InterruptedException {
		this.admin.close();
	}

	@Test
	void theMessageIsAckedOnlyOnceTheFutureCompletes() throws Exception {
		addConsumer("later", "async.later", Duration.ofSeconds(30), 5);
		this.contextRunner.withUserConfiguration(LaterListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("async.later", "o-1");
			CompletableFuture<Void> result = context.getBean(LaterListener.class).results.poll(5, TimeUnit.SECONDS);
			assertThat(result).isNotNull();
			Thread.sleep(300);
			ConsumerInfo incomplete = consumer("later");
			assertThat(incomplete.getNumAckPending()).isOne();
			assertThat(incomplete.getAckFloor().getStreamSequence()).isZero();
			result.complete(null);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				ConsumerInfo completed = consumer("later");
				assertThat(completed.getNumAckPending()).isZero();
				assertThat(completed.getAckFloor().getStreamSequence()).isOne();
			});
		});
	}

	@Test
	void aListenerWithConcurrencyTwoHoldsAtMostTwoIncompleteResults() throws Exception {
		addConsumer("bounded", "async.bounded", Duration.ofSeconds(30), 5);
		this.contextRunner.withUserConfiguration(BoundedListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			for (int i = 0; i < 3; i++) {
				template.publishToStream("async.bounded", "o-" + i);
			}
			List<CompletableFuture<Void>> results = context.getBean(BoundedListener.class).results;
			await().atMost(Duration.ofSeconds(5)).until(() -> results.size() == 2);
			Thread.sleep(500);
			assertThat(results).hasSize(2);
			results.get(0).complete(null);
			await().atMost(Duration.ofSeconds(5)).until(() -> results.size() == 3);
			results.forEach((result) -> result.complete(null));
			await().atMost(Duration.ofSeconds(5))
				.until(() -> consumer("bounded").getAckFloor().getStreamSequence() == 3);
		});
	}

	@Test
	void aFailedMonoIsNakedAndRedeliveredUntilItSucceeds() throws Exception {
		addConsumer("flaky", "async.flaky", Duration.ofSeconds(30), 5);
		this.contextRunner.withUserConfiguration(FlakyListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("async.flaky", "o-2");
			FlakyListener listener = context.getBean(FlakyListener.class);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				ConsumerInfo info = consumer("flaky");
				assertThat(info.getAckFloor().getStreamSequence()).isOne();
				assertThat(info.getNumAckPending()).isZero();
			});
			assertThat(listener.invocations).hasValue(2);
		});
	}

	@Test
	void aFutureThatKeepsFailingIsDeadLetteredAfterMaxDeliveries() throws Exception {
		addConsumer("failing", "async.failing", Duration.ofSeconds(30), 3);
		this.contextRunner.withUserConfiguration(FailingListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("async.failing", "o-bad");
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.management.getStreamInfo("DLQ").getStreamState().getMsgCount() > 0);
			MessageInfo dead = this.management.getLastMessage("DLQ", "dlq.ASYNC.failing");
			assertThat(context.getBean(FailingListener.class).invocations).hasValue(3);
			assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("max-deliveries");
			assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("3");
			assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_EXCEPTION))
				.isEqualTo("java.lang.IllegalStateException: cannot process o-bad");
			await().atMost(Duration.ofSeconds(5)).until(() -> consumer("failing").getNumAckPending() == 0);
		});
	}

	@Test
	void aFutureSlowerThanTheAckWaitIsKeptAliveInsteadOfRedelivered() throws Exception {
		addConsumer("slow", "async.slow", Duration.ofSeconds(2), 5);
		this.contextRunner.withUserConfiguration(SlowListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("async.slow", "o-s");
			SlowListener listener = context.getBean(SlowListener.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> listener.completed.get() == 1);
			await().atMost(Duration.ofSeconds(5)).until(() -> consumer("slow").getNumAckPending() == 0);
			Thread.sleep(2500);
			assertThat(listener.invocations).hasValue(1);
			assertThat(consumer("slow").getRedelivered()).isZero();
		});
	}

	@Test
	void aStoppedListenerLeavesTheMessageOfAnIncompleteFutureUnackedForRedelivery() throws Exception {
		addConsumer("later", "async.later", Duration.ofSeconds(2), 5);
		ApplicationContextRunner instance = this.contextRunner.withUserConfiguration(LaterListener.class)
			.withPropertyValues("nats.listener.stop-timeout=1s");
		long[] stopMillis = new long[1];
		instance.run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("async.later", "o-3");
			assertThat(context.getBean(LaterListener.class).results.poll(5, TimeUnit.SECONDS)).isNotNull();
			long start = System.nanoTime();
			context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("later").stop();
			stopMillis[0] = Duration.ofNanos(System.nanoTime() - start).toMillis();
			assertThat(consumer("later").getAckFloor().getStreamSequence()).isZero();
		});
		assertThat(stopMillis[0]).isBetween(900L, 3000L);
		instance.run((context) -> {
			CompletableFuture<Void> redelivered = context.getBean(LaterListener.class).results.poll(10,
					TimeUnit.SECONDS);
			assertThat(redelivered).isNotNull();
			redelivered.complete(null);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> consumer("later").getAckFloor().getStreamSequence() == 1);
		});
	}

	@Test
	void stoppingWaitsForAnOutstandingFutureAndAcksItsMessage() throws Exception {
		addConsumer("later", "async.later", Duration.ofSeconds(30), 5);
		this.contextRunner.withUserConfiguration(LaterListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("async.later", "o-4");
			CompletableFuture<Void> result = context.getBean(LaterListener.class).results.poll(5, TimeUnit.SECONDS);
			CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(() -> result.complete(null));
			context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("later").stop();
			assertThat(result).isDone();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> consumer("later").getAckFloor().getStreamSequence() == 1);
		});
	}

	private void addConsumer(String durable, String subject, Duration ackWait, int maxDeliver) throws Exception {
		this.management.addOrUpdateConsumer("ASYNC", ConsumerConfiguration.builder()
			.durable(durable)
			.filterSubject(subject)
			.ackPolicy(AckPolicy.Explicit)
			.ackWait(ackWait)
			.maxDeliver(maxDeliver)
			.build());
	}

	private ConsumerInfo consumer(String durable) throws Exception {
		return this.management.getConsumerInfo("ASYNC", durable);
	}

	@Configuration(proxyBeanMethods = false)
	static class LaterListener {

		final BlockingQueue<CompletableFuture<Void>> results = new LinkedBlockingQueue<>();

		@NatsListener(id = "later", stream = "ASYNC", consumer = "later")
		CompletableFuture<Void> onOrder(String order) {
			CompletableFuture<Void> result = new CompletableFuture<>();
			this.results.add(result);
			return result;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BoundedListener {

		final List<CompletableFuture<Void>> results = new CopyOnWriteArrayList<>();

		@NatsListener(stream = "ASYNC", consumer = "bounded", concurrency = "2")
		CompletableFuture<Void> onOrder(String order) {
			CompletableFuture<Void> result = new CompletableFuture<>();
			this.results.add(result);
			return result;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FlakyListener {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(stream = "ASYNC", consumer = "flaky", backoff = "100ms")
		Mono<Void> onOrder(String order) {
			if (this.invocations.incrementAndGet() == 1) {
				return Mono.delay(Duration.ofMillis(50)).then(Mono.error(new IllegalStateException("not yet")));
			}
			return Mono.delay(Duration.ofMillis(50)).then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(stream = "ASYNC", consumer = "failing", backoff = "100ms")
		CompletableFuture<Void> onOrder(String order) {
			this.invocations.incrementAndGet();
			return CompletableFuture.failedFuture(new IllegalStateException("cannot process " + order));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowListener {

		final AtomicInteger invocations = new AtomicInteger();

		final AtomicInteger completed = new AtomicInteger();

		@NatsListener(stream = "ASYNC", consumer = "slow")
		CompletableFuture<Void> onOrder(String order) {
			this.invocations.incrementAndGet();
			return CompletableFuture.runAsync(this.completed::incrementAndGet,
					CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS));
		}

	}

}
