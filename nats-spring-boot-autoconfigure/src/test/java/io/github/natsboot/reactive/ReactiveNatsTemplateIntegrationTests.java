package io.github.natsboot.reactive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.reactive.NatsReactiveAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsNoRespondersException;
import io.github.natsboot.core.NatsRequestTimeoutException;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.core.NatsTemplateMetrics;
import io.github.natsboot.core.NatsTemplateOperation;
import io.github.natsboot.kv.KeyValueChange;
import io.github.natsboot.kv.NatsKeyValueConflictException;
import io.github.natsboot.kv.VersionedValue;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link ReactiveNatsTemplate} against a real server: requests, publishes, stream
 * publishes, bounded subscriptions and key-value, each subscribed from a Reactor
 * non-blocking thread under BlockHound, which fails any blocking call made there.
 */
@EmbeddedNats
class ReactiveNatsTemplateIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner;

	private final RecordingMetrics metrics = new RecordingMetrics();

	ReactiveNatsTemplateIntegrationTests(NatsServer server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsReactiveAutoConfiguration.class))
			.withBean(NatsTemplateMetrics.class, () -> this.metrics)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=2s");
	}

	@BeforeAll
	static void installBlockHound() {
		ReactorBlockHound.install();
	}

	@Test
	void blockHoundFailsABlockingCallOnANonBlockingThreadSoTheOtherTestsProveNoneIsMade() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> onParallel(Mono.fromCallable(() -> {
				Thread.sleep(1);
				return "slept";
			})).block(WAIT))
			.withMessageContaining("Blocking call");
	}

	@Test
	void aRequestSentFromANonBlockingThreadReturnsTheConvertedReply() {
		run((context, reactive, connection) -> {
			Dispatcher responder = connection.createDispatcher((message) -> connection.publish(message.getReplyTo(),
					replyHeaders(), ("{\"name\":\"hello " + text(message) + "\"}").getBytes(StandardCharsets.UTF_8)));
			responder.subscribe("greet");
			connection.flush(WAIT);
			Greeting reply = onParallel(reactive.request("greet", "ada", Greeting.class)).block(WAIT);
			assertThat(reply).isEqualTo(new Greeting("hello ada"));
		});
	}

	@Test
	void anErrorReplyFailsTheRequestWithTheServiceError() {
		run((context, reactive, connection) -> {
			Dispatcher responder = connection.createDispatcher((message) -> {
				Headers headers = new Headers().put(NatsHeaders.SERVICE_ERROR, "no such order")
					.put(NatsHeaders.SERVICE_ERROR_CODE, "404");
				connection.publish(message.getReplyTo(), headers, new byte[0]);
			});
			responder.subscribe("orders.get");
			connection.flush(WAIT);
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> onParallel(reactive.request("orders.get", "42", String.class)).block(WAIT))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(404);
					assertThat(ex.getDescription()).isEqualTo("no such order");
				});
		});
	}

	@Test
	void aRequestNobodyListensToFailsWithNoResponders() {
		run((context, reactive, connection) -> assertThatExceptionOfType(NatsNoRespondersException.class)
			.isThrownBy(() -> onParallel(reactive.request("nobody.home", "x", String.class)).block(WAIT)));
	}

	@Test
	void aRequestThatIsNotAnsweredInTimeFailsWithTheTimeout() {
		run((context, reactive, connection) -> {
			connection.createDispatcher((message) -> {
			}).subscribe("silent");
			connection.flush(WAIT);
			assertThatExceptionOfType(NatsRequestTimeoutException.class).isThrownBy(() -> onParallel(
					reactive.request("silent", "x", String.class, Duration.ofMillis(300))).block(WAIT));
		});
	}

	@Test
	void cancellingARequestCancelsItLongBeforeItsTimeout() {
		run((context, reactive, connection) -> {
			List<String> received = new CopyOnWriteArrayList<>();
			connection.createDispatcher((message) -> received.add(text(message))).subscribe("slow");
			connection.flush(WAIT);
			Disposable request = onParallel(reactive.request("slow", "x", String.class, Duration.ofSeconds(30)))
				.subscribe();
			await().atMost(WAIT).until(() -> received.size() == 1);
			long start = System.nanoTime();
			request.dispose();
			await().atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(this.metrics.failures).anySatisfy(
						(failure) -> assertThat(failure).isInstanceOf(CancellationException.class)));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		});
	}

	@Test
	void publishingHappensOnlyWhenSubscribed() {
		run((context, reactive, connection) -> {
			Subscription subscription = connection.subscribe("events");
			connection.flush(WAIT);
			Mono<Void> publish = reactive.publish("events", "created", new Headers().put("X-Kind", "order"));
			assertThat(subscription.nextMessage(Duration.ofMillis(300))).isNull();
			onParallel(publish).block(WAIT);
			Message message = subscription.nextMessage(WAIT);
			assertThat(text(message)).isEqualTo("created");
			assertThat(message.getHeaders().getFirst("X-Kind")).isEqualTo("order");
			assertThat(this.metrics.operations).contains(NatsTemplateOperation.PUBLISH);
		});
	}

	@Test
	void aSubscriberGetsWhatItRequestedAndNoMoreOnAThreadThatMayBlock() {
		run((context, reactive, connection) -> {
			DemandSubscriber<String> subscriber = new DemandSubscriber<>();
			reactive.subscribe("ticks", String.class).subscribeOn(Schedulers.parallel()).subscribe(subscriber);
			awaitSubscribed(reactive, "ticks");
			takeProbe(subscriber);
			for (int i = 0; i < 20; i++) {
				connection.publish("ticks", ("t" + i).getBytes(StandardCharsets.UTF_8));
			}
			connection.flush(WAIT);
			subscriber.request(5);
			await().atMost(WAIT).until(() -> subscriber.received.size() == 5);
			Thread.sleep(300);
			assertThat(subscriber.received).containsExactly("t0", "t1", "t2", "t3", "t4");
			subscriber.request(15);
			await().atMost(WAIT).until(() -> subscriber.received.size() == 20);
			assertThat(subscriber.threads).allSatisfy((thread) -> assertThat(thread).doesNotContain("non-blocking"));
			subscriber.dispose();
		});
	}

	@Test
	void aSlowSubscriberMakesTheSubscriptionDropPastItsPendingLimitInsteadOfGrowing() {
		run((context, reactive, connection) -> {
			ReactiveNatsTemplate template = context.getBean(ReactiveNatsTemplate.class);
			template.setPendingLimits(10, 1024 * 1024);
			DemandSubscriber<String> subscriber = new DemandSubscriber<>();
			template.subscribe("firehose", String.class).subscribe(subscriber);
			awaitSubscribed(reactive, "firehose");
			takeProbe(subscriber);
			long droppedBefore = connection.getStatistics().getDroppedCount();
			for (int i = 0; i < 1000; i++) {
				connection.publish("firehose", ("m" + i).getBytes(StandardCharsets.UTF_8));
			}
			connection.flush(WAIT);
			await().atMost(WAIT).until(() -> connection.getStatistics().getDroppedCount() - droppedBefore > 900);
			subscriber.request(Long.MAX_VALUE);
			Thread.sleep(500);
			// the one the delivering thread held back and at most the ten pending
			assertThat(subscriber.received).hasSizeBetween(1, 11).startsWith("m0");
			subscriber.dispose();
		});
	}

	@Test
	void cancellingASubscriptionUnsubscribes() {
		run((context, reactive, connection) -> {
			Disposable subscription = reactive.subscribe("presence", String.class).subscribe();
			awaitSubscribed(reactive, "presence");
			subscription.dispose();
			await().atMost(WAIT)
				.untilAsserted(() -> assertThatExceptionOfType(NatsNoRespondersException.class)
					.isThrownBy(() -> reactive.request("presence", "x", String.class, Duration.ofMillis(500))
						.block(WAIT)));
		});
	}

	@Test
	void aSubscriptionCanGiveTheMessagesWithTheirHeadersAndSubject() {
		run((context, reactive, connection) -> {
			AtomicReference<NatsReceivedMessage<String>> received = new AtomicReference<>();
			Disposable subscription = reactive.subscribeMessages("audit.*", "auditors", String.class)
				.filter((message) -> !message.subject().equals("audit.probe"))
				.subscribe(received::set);
			awaitSubscribed(reactive, "audit.probe");
			connection.publish("audit.login", new Headers().put("X-User", "ada"), "in".getBytes(StandardCharsets.UTF_8));
			await().atMost(WAIT).until(() -> received.get() != null);
			assertThat(received.get().subject()).isEqualTo("audit.login");
			assertThat(received.get().headers().getFirst("X-User")).isEqualTo("ada");
			assertThat(received.get().payload()).isEqualTo("in");
			subscription.dispose();
		});
	}

	@Test
	void aStreamPublishIsAcknowledgedAndDeduplicatedByItsMessageId() {
		run((context, reactive, connection) -> {
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder().name("PAYMENTS").subjects("payments.>")
					.storageType(StorageType.Memory).build());
			PublishAck first = onParallel(reactive.publishToStream("payments.new", "p1", null, "id-1")).block(WAIT);
			PublishAck again = onParallel(reactive.publishToStream("payments.new", "p1", null, "id-1")).block(WAIT);
			PublishAck second = onParallel(reactive.publishToStream("payments.new", "p2")).block(WAIT);
			assertThat(first.getSeqno()).isEqualTo(1);
			assertThat(again.isDuplicate()).isTrue();
			assertThat(second.getSeqno()).isEqualTo(2);
			assertThat(this.metrics.operations).contains(NatsTemplateOperation.STREAM_PUBLISH);
		});
	}

	@Test
	void streamPublishesBeyondAFullWindowWaitOffTheNonBlockingThreadsAndAllLand() {
		this.contextRunner.withPropertyValues("nats.template.jetstream.max-in-flight=2").run((context) -> {
			Connection connection = context.getBean(Connection.class);
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder().name("BURST").subjects("burst.>")
					.storageType(StorageType.Memory).build());
			ReactiveNatsOperations reactive = context.getBean(ReactiveNatsOperations.class);
			List<Long> sequences = Flux.range(0, 200)
				.flatMap((i) -> onParallel(reactive.publishToStream("burst.in", "b" + i)), 50)
				.map(PublishAck::getSeqno)
				.collectList()
				.block(WAIT);
			assertThat(sequences).hasSize(200).doesNotHaveDuplicates();
			assertThat(connection.jetStreamManagement().getStreamInfo("BURST").getStreamState().getMsgCount())
				.isEqualTo(200);
			assertThat(context.getBean(NatsTemplate.class).getPendingStreamPublishes()).isZero();
		});
	}

	@Test
	void keyValueOperationsAreMonosThatRunOffTheNonBlockingThreads() {
		run((context, reactive, connection) -> {
			connection.keyValueManagement()
				.create(KeyValueConfiguration.builder().name("profiles").storageType(StorageType.Memory).build());
			ReactiveKeyValueOperations profiles = reactive.keyValue("profiles");
			long created = onParallel(profiles.create("ada", new Greeting("hi"))).block(WAIT);
			assertThatExceptionOfType(NatsKeyValueConflictException.class)
				.isThrownBy(() -> onParallel(profiles.create("ada", new Greeting("again"))).block(WAIT));
			VersionedValue<Greeting> read = onParallel(profiles.get("ada", Greeting.class)).block(WAIT);
			assertThat(read.value()).isEqualTo(new Greeting("hi"));
			assertThat(read.revision()).isEqualTo(created);
			long updated = onParallel(profiles.update("ada", new Greeting("hello"), created)).block(WAIT);
			assertThatExceptionOfType(NatsKeyValueConflictException.class)
				.isThrownBy(() -> onParallel(profiles.update("ada", new Greeting("stale"), created)).block(WAIT));
			assertThat(onParallel(profiles.put("bob", new Greeting("yo"))).block(WAIT)).isGreaterThan(updated);
			onParallel(profiles.delete("ada")).block(WAIT);
			assertThat(onParallel(profiles.get("ada", Greeting.class)).blockOptional(WAIT)).isEmpty();
		});
	}

	@Test
	void aKeyValueWatchIsAFluxOfChangesThatClosesWhenCancelled() {
		run((context, reactive, connection) -> {
			connection.keyValueManagement()
				.create(KeyValueConfiguration.builder().name("flags").storageType(StorageType.Memory).build());
			ReactiveKeyValueOperations flags = reactive.keyValue("flags");
			List<KeyValueChange<String>> changes = new CopyOnWriteArrayList<>();
			Disposable watch = flags.watch("feature.*", String.class).subscribeOn(Schedulers.parallel())
				.subscribe(changes::add);
			await().atMost(WAIT).untilAsserted(() -> {
				flags.put("feature.probe", "on").block(WAIT);
				assertThat(changes).isNotEmpty();
			});
			changes.clear();
			flags.put("feature.dark-mode", "on").block(WAIT);
			flags.delete("feature.dark-mode").block(WAIT);
			flags.put("other", "ignored").block(WAIT);
			await().atMost(WAIT).until(() -> changesOf(changes, "feature.dark-mode").size() == 2);
			assertThat(changes).extracting(KeyValueChange::key).doesNotContain("other");
			assertThat(changesOf(changes, "feature.dark-mode")).extracting(KeyValueChange::operation)
				.containsExactly(KeyValueChange.Operation.PUT, KeyValueChange.Operation.DELETE);
			watch.dispose();
			Thread.sleep(300);
			flags.put("feature.late", "on").block(WAIT);
			Thread.sleep(300);
			assertThat(changesOf(changes, "feature.late")).isEmpty();
		});
	}

	private void run(ReactiveTest test) {
		this.contextRunner.run((ContextConsumer<AssertableApplicationContext>) (context) -> {
			assertThat(context).hasNotFailed();
			test.run(context, context.getBean(ReactiveNatsOperations.class), context.getBean(Connection.class));
		});
	}

	private static List<KeyValueChange<String>> changesOf(List<KeyValueChange<String>> changes, String key) {
		return changes.stream().filter((change) -> change.key().equals(key)).toList();
	}

	private static <T> Mono<T> onParallel(Mono<T> mono) {
		return mono.subscribeOn(Schedulers.parallel());
	}

	private static void awaitSubscribed(ReactiveNatsOperations reactive, String subject) {
		await().atMost(WAIT).untilAsserted(() -> assertThatExceptionOfType(NatsRequestTimeoutException.class)
			.isThrownBy(() -> reactive.request(subject, "probe", String.class, Duration.ofMillis(100)).block(WAIT)));
	}

	/**
	 * Exactly one probe of {@link #awaitSubscribed} reached the subscription: the others
	 * found no responders, so the server delivered them to nobody.
	 */
	private static void takeProbe(DemandSubscriber<String> subscriber) {
		subscriber.request(1);
		await().atMost(WAIT).until(() -> subscriber.received.size() == 1);
		assertThat(subscriber.received).containsExactly("probe");
		subscriber.received.clear();
	}

	private static Headers replyHeaders() {
		return new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json");
	}

	private static String text(Message message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}

	record Greeting(String name) {
	}

	@FunctionalInterface
	interface ReactiveTest {

		void run(AssertableApplicationContext context, ReactiveNatsOperations reactive, Connection connection)
				throws Exception;

	}

	static final class DemandSubscriber<T> extends BaseSubscriber<T> {

		final List<T> received = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Override
		protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
		}

		@Override
		protected void hookOnNext(T value) {
			this.threads.add(Thread.currentThread().getName()
					+ (Schedulers.isInNonBlockingThread() ? " (parallel: non-blocking)" : ""));
			this.received.add(value);
		}

	}

	static final class RecordingMetrics implements NatsTemplateMetrics {

		final List<NatsTemplateOperation> operations = new CopyOnWriteArrayList<>();

		final List<Throwable> failures = new CopyOnWriteArrayList<>();

		@Override
		public void record(NatsTemplateOperation operation, long start, Throwable failure) {
			this.operations.add(operation);
			if (failure != null) {
				this.failures.add(failure);
			}
		}

	}

}
