package io.github.natsboot.reactive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.reactive.NatsReactiveAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ReactiveNatsTemplate#receive} and {@link ReactiveNatsTemplate#consume} on a
 * durable pull consumer of a real server: fetching follows demand, messages are
 * acknowledged after their handler succeeds and redelivered after it fails, and an
 * unconvertible payload is dead-lettered and terminated.
 */
@EmbeddedNats
class ReactiveNatsTemplateJetStreamIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final AtomicInteger streams = new AtomicInteger();

	private final ApplicationContextRunner contextRunner;

	ReactiveNatsTemplateJetStreamIntegrationTests(NatsServer server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsReactiveAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=2s");
	}

	@BeforeAll
	static void installBlockHound() {
		ReactorBlockHound.install();
	}

	@Test
	void receiveFetchesOnlyAsManyMessagesAsWereRequested() {
		this.contextRunner.run((context) -> {
			Connection connection = context.getBean(Connection.class);
			String stream = createStream(connection, 10);
			ReactiveNatsOperations reactive = context.getBean(ReactiveNatsOperations.class);
			List<AcknowledgeableNatsMessage<String>> received = new CopyOnWriteArrayList<>();
			BaseSubscriber<AcknowledgeableNatsMessage<String>> subscriber = new BaseSubscriber<>() {
				@Override
				protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
					subscription.request(3);
				}

				@Override
				protected void hookOnNext(AcknowledgeableNatsMessage<String> message) {
					received.add(message);
				}
			};
			reactive.receive(stream, "worker", String.class).subscribeOn(Schedulers.parallel()).subscribe(subscriber);
			await().atMost(WAIT).until(() -> received.size() == 3);
			Thread.sleep(500);
			ConsumerInfo info = consumerInfo(connection, stream);
			assertThat(received).hasSize(3);
			assertThat(info.getNumAckPending()).isEqualTo(3);
			assertThat(info.getNumPending()).isEqualTo(7);
			Mono.when(received.stream().map(AcknowledgeableNatsMessage::ack).toList()).block(WAIT);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(consumerInfo(connection, stream).getAckFloor().getStreamSequence())
					.isEqualTo(3));
			subscriber.dispose();
		});
	}

	@Test
	void consumeAcknowledgesAfterTheHandlerSucceedsAndRedeliversAfterItFails() {
		this.contextRunner.run((context) -> {
			Connection connection = context.getBean(Connection.class);
			String stream = createStream(connection, 5);
			ReactiveNatsOperations reactive = context.getBean(ReactiveNatsOperations.class);
			Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
			List<String> threads = new CopyOnWriteArrayList<>();
			List<String> results = reactive.consume(stream, "worker", String.class, (payload) -> {
				threads.add(Thread.currentThread().getName());
				int attempt = attempts.computeIfAbsent(payload, (key) -> new AtomicInteger()).incrementAndGet();
				if (payload.equals("m2") && attempt == 1) {
					return Mono.error(new IllegalStateException("not yet"));
				}
				return Mono.just(payload.toUpperCase());
			}).subscribeOn(Schedulers.parallel()).take(5).collectList().block(WAIT);
			assertThat(results).containsExactlyInAnyOrder("M0", "M1", "M2", "M3", "M4");
			assertThat(attempts.get("m2")).hasValue(2);
			assertThat(attempts.get("m1")).hasValue(1);
			await().atMost(WAIT).untilAsserted(() -> {
				ConsumerInfo info = consumerInfo(connection, stream);
				assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(5);
				assertThat(info.getNumAckPending()).isZero();
				assertThat(info.getRedelivered()).isZero();
			});
			assertThat(threads).allSatisfy((thread) -> assertThat(thread).doesNotContain("parallel"));
		});
	}

	@Test
	void anUnconvertiblePayloadIsDeadLetteredAndTerminatedNotRedelivered() {
		this.contextRunner.withPropertyValues("nats.listener.jetstream.dead-letter-subject=dlq.{stream}.{consumer}")
			.run((context) -> {
				Connection connection = context.getBean(Connection.class);
				String stream = createStream(connection, 0);
				Subscription deadLetters = connection.subscribe("dlq." + stream + ".worker");
				connection.flush(WAIT);
				connection.jetStream().publish(stream.toLowerCase() + ".in", "not json".getBytes(StandardCharsets.UTF_8));
				connection.jetStream().publish(stream.toLowerCase() + ".in",
						"{\"id\":7}".getBytes(StandardCharsets.UTF_8));
				ReactiveNatsOperations reactive = context.getBean(ReactiveNatsOperations.class);
				List<Order> orders = new CopyOnWriteArrayList<>();
				Disposable consuming = reactive
					.consume(stream, "worker", Order.class, (order) -> Mono.fromRunnable(() -> orders.add(order)))
					.subscribe();
				await().atMost(WAIT).until(() -> orders.size() == 1);
				assertThat(orders).containsExactly(new Order(7));
				Message deadLetter = deadLetters.nextMessage(WAIT);
				assertThat(deadLetter).isNotNull();
				assertThat(new String(deadLetter.getData(), StandardCharsets.UTF_8)).isEqualTo("not json");
				assertThat(deadLetter.getHeaders().getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("not-convertible");
				await().atMost(WAIT).untilAsserted(() -> {
					ConsumerInfo info = consumerInfo(connection, stream);
					assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(2);
					assertThat(info.getNumAckPending()).isZero();
				});
				Thread.sleep(1500);
				assertThat(consumerInfo(connection, stream).getDelivered().getStreamSequence()).isEqualTo(2);
				assertThat(consumerInfo(connection, stream).getRedelivered()).isZero();
				consuming.dispose();
			});
	}

	@Test
	void cancellingReceiveStopsFetching() {
		this.contextRunner.run((context) -> {
			Connection connection = context.getBean(Connection.class);
			String stream = createStream(connection, 0);
			ReactiveNatsOperations reactive = context.getBean(ReactiveNatsOperations.class);
			List<String> received = new CopyOnWriteArrayList<>();
			Disposable receiving = reactive.receive(stream, "worker", String.class)
				.flatMap((message) -> message.ack().thenReturn(message.getPayload()))
				.subscribe(received::add);
			connection.jetStream().publish(stream.toLowerCase() + ".in", "one".getBytes(StandardCharsets.UTF_8));
			await().atMost(WAIT).until(() -> received.size() == 1);
			receiving.dispose();
			Thread.sleep(1500);
			connection.jetStream().publish(stream.toLowerCase() + ".in", "two".getBytes(StandardCharsets.UTF_8));
			Thread.sleep(500);
			assertThat(received).containsExactly("one");
			assertThat(consumerInfo(connection, stream).getNumPending()).isEqualTo(1);
		});
	}

	private static String createStream(Connection connection, int messages) throws Exception {
		String stream = "JOBS" + streams.incrementAndGet();
		String subject = stream.toLowerCase() + ".in";
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(
				StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory).build());
		management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
			.durable("worker")
			.ackPolicy(AckPolicy.Explicit)
			.ackWait(Duration.ofSeconds(30))
			.maxDeliver(5)
			.build());
		for (int i = 0; i < messages; i++) {
			connection.jetStream().publish(subject, ("m" + i).getBytes(StandardCharsets.UTF_8));
		}
		return stream;
	}

	private static ConsumerInfo consumerInfo(Connection connection, String stream) throws Exception {
		return connection.jetStreamManagement().getConsumerInfo(stream, "worker");
	}

	record Order(int id) {
	}

}
