package io.github.natsboot.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.health.NatsHealthContributorAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.health.NatsHealthIndicator;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ordered (broadcast) JetStream listeners against a real server: where each deliver
 * option starts, subject filters, conversion, failures, pause and resume, asynchronous
 * results, the attributes they reject, and two instances that both receive every message
 * in order across a server killed and restarted.
 */
@EmbeddedNats
class OrderedJetStreamListenerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection admin;

	private JetStreamManagement management;

	private JetStream jetStream;

	OrderedJetStreamListenerIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = runner(server.getUrl());
	}

	private static ApplicationContextRunner runner(String url) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsMetricsAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("nats.servers=" + url, "nats.drain-timeout=5s", "nats.listener.stop-timeout=5s",
					"nats.reconnect.wait=100ms");
	}

	@BeforeEach
	void createStream() throws Exception {
		this.admin = Nats.connect(this.server.getUrl());
		this.management = this.admin.jetStreamManagement();
		this.jetStream = this.admin.jetStream();
		TestStreams.reset(this.management, TestStreams.fileStream("EVENTS", "events.>"));
	}

	@AfterEach
	void close() throws InterruptedException {
		this.admin.close();
	}

	@Test
	void deliverAllReceivesEveryMessageOfTheStreamInOrderThenTheNewOnes() throws Exception {
		publish("events.a", 50);
		this.contextRunner.withUserConfiguration(AllListener.class).run((context) -> {
			Recording listener = context.getBean(AllListener.class);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 50);
			publish("events.b", 50);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 100);
			assertThat(listener.sequences).containsExactlyElementsOf(sequences(1, 100));
			assertThat(listener.payloads.get(0)).isEqualTo("events.a-1");
			assertThat(listener.payloads.get(99)).isEqualTo("events.b-50");
		});
	}

	@Test
	void deliverNewReceivesOnlyTheMessagesPublishedAfterTheListenerStarted() throws Exception {
		publish("events.a", 5);
		this.contextRunner.withUserConfiguration(NewListener.class).run((context) -> {
			Recording listener = context.getBean(NewListener.class);
			publish("events.a", 5);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 5);
			Thread.sleep(300);
			assertThat(listener.sequences).containsExactlyElementsOf(sequences(6, 10));
		});
	}

	@Test
	void deliverLastStartsWithTheLastMessageOfTheStream() throws Exception {
		publish("events.a", 5);
		this.contextRunner.withUserConfiguration(LastListener.class).run((context) -> {
			Recording listener = context.getBean(LastListener.class);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 1);
			publish("events.b", 2);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 3);
			assertThat(listener.sequences).containsExactly(5L, 6L, 7L);
		});
	}

	@Test
	void deliverLastPerSubjectStartsWithTheLastMessageOfEachSubject() throws Exception {
		publish("events.a", 1);
		publish("events.b", 1);
		publish("events.a", 1);
		publish("events.c", 1);
		publish("events.b", 1);
		this.contextRunner.withUserConfiguration(LastPerSubjectListener.class).run((context) -> {
			Recording listener = context.getBean(LastPerSubjectListener.class);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 3);
			publish("events.a", 1);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 4);
			assertThat(listener.sequences).containsExactly(3L, 4L, 5L, 6L);
		});
	}

	@Test
	void deliverFromAStartSequenceStartsThereWrittenEitherWay() throws Exception {
		publish("events.a", 6);
		this.contextRunner.withUserConfiguration(SequenceListeners.class).run((context) -> {
			SequenceListeners listeners = context.getBean(SequenceListeners.class);
			publish("events.a", 1);
			await().atMost(TIMEOUT)
				.until(() -> listeners.bare.sequences.size() == 4 && listeners.prefixed.sequences.size() == 4);
			assertThat(listeners.bare.sequences).containsExactly(4L, 5L, 6L, 7L);
			assertThat(listeners.prefixed.sequences).containsExactly(4L, 5L, 6L, 7L);
		});
	}

	@Test
	void deliverFromAStartTimeStartsWithTheFirstMessageStoredFromThenWrittenEitherWay() throws Exception {
		publish("events.a", 3);
		Thread.sleep(100);
		publish("events.a", 3);
		ZonedDateTime fourth = this.management.getMessage("EVENTS", 4).getTime();
		this.contextRunner.withUserConfiguration(TimeListeners.class)
			.withPropertyValues("test.start-time=" + fourth.minusNanos(10_000_000).toOffsetDateTime())
			.run((context) -> {
				TimeListeners listeners = context.getBean(TimeListeners.class);
				await().atMost(TIMEOUT)
					.until(() -> listeners.bare.sequences.size() == 3 && listeners.prefixed.sequences.size() == 3);
				Thread.sleep(300);
				assertThat(listeners.bare.sequences).containsExactly(4L, 5L, 6L);
				assertThat(listeners.prefixed.sequences).containsExactly(4L, 5L, 6L);
			});
	}

	@Test
	void subjectsFilterWhatTheListenerReceives() throws Exception {
		for (int i = 0; i < 3; i++) {
			publish("events.a", 1);
			publish("events.b", 1);
		}
		this.contextRunner.withUserConfiguration(FilteredListener.class).run((context) -> {
			Recording listener = context.getBean(FilteredListener.class);
			publish("events.a", 1);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 4);
			Thread.sleep(300);
			assertThat(listener.sequences).containsExactly(1L, 3L, 5L, 7L);
		});
	}

	@Test
	void severalSubjectsNeedServer210AndAreFilteredOnThere() throws Exception {
		boolean filterSubjects = this.admin.getServerInfo().isSameOrNewerThanVersion("2.10.0");
		this.contextRunner.withUserConfiguration(SeveralSubjectsListener.class).run((context) -> {
			if (!filterSubjects) {
				assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("ordered on several subjects [events.a, events.b]")
					.hasMessageContaining("needs nats-server 2.10 or newer");
				return;
			}
			Recording listener = context.getBean(SeveralSubjectsListener.class);
			publish("events.a", 1);
			publish("events.c", 1);
			publish("events.b", 1);
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 2);
			assertThat(listener.sequences).containsExactly(1L, 3L);
		});
	}

	@Test
	void payloadsAreConvertedAndHeadersAndTheSubjectAreResolved() throws Exception {
		this.contextRunner.withUserConfiguration(ConvertingListener.class).run((context) -> {
			ConvertingListener listener = context.getBean(ConvertingListener.class);
			Headers headers = new Headers().put("tenant", "acme");
			this.jetStream.publish("events.orders", headers, json(new Order("o-1", 3)));
			await().atMost(TIMEOUT).until(() -> listener.received.size() == 1);
			assertThat(listener.received).containsExactly("o-1 x3 for acme on events.orders");
		});
	}

	@Test
	void aFailureGoesToTheErrorHandlerAndTheListenerMovesOnWithoutRedelivery() throws Exception {
		this.contextRunner.withUserConfiguration(FailingListener.class).run((context) -> {
			FailingListener listener = context.getBean(FailingListener.class);
			for (int quantity = 1; quantity <= 9; quantity++) {
				if (quantity == 5) {
					this.jetStream.publish("events.orders", "{not json".getBytes(StandardCharsets.UTF_8));
				}
				this.jetStream.publish("events.orders", json(new Order("o-" + quantity, quantity)));
			}
			await().atMost(TIMEOUT).until(() -> listener.failures.size() == 4);
			Thread.sleep(500);
			assertThat(listener.quantities).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
			assertThat(listener.failures).containsExactly("3: cannot process o-3", "5: not convertible",
					"7: cannot process o-6", "10: cannot process o-9");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(processTimerCount(meters, "success")).isEqualTo(6);
			assertThat(processTimerCount(meters, "failure")).isEqualTo(3);
			assertThat(processTimerCount(meters, "not-convertible")).isEqualTo(1);
			assertThat(meters.find(MicrometerNatsListenerMetricsFactory.ACKNOWLEDGEMENTS).meters())
				.as("ordered listeners do not acknowledge")
				.isEmpty();
		});
	}

	private static long processTimerCount(MeterRegistry meters, String outcome) {
		return meters.get(MicrometerNatsListenerMetricsFactory.PROCESS)
			.tag("listener.id", "failing")
			.tag("outcome", outcome)
			.timer()
			.count();
	}

	@Test
	void aPausedListenerReceivesNothingAndResumesRightAfterTheLastMessageItHandled() throws Exception {
		publish("events.a", 10);
		this.contextRunner.withUserConfiguration(AllListener.class).run((context) -> {
			Recording listener = context.getBean(AllListener.class);
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("all");
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 10);
			container.pause();
			publish("events.a", 10);
			Thread.sleep(1000);
			assertThat(listener.sequences).hasSize(10);
			assertThat(container.isInExpectedState()).isTrue();
			container.resume();
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 20);
			Thread.sleep(300);
			assertThat(listener.sequences).containsExactlyElementsOf(sequences(1, 20));
			assertThat(((OrderedJetStreamListenerContainer) container).getLastStreamSequence()).isEqualTo(20);
		});
	}

	@Test
	void aStoppedListenerStartedAgainBeginsAfreshWithItsDeliverOption() throws Exception {
		publish("events.a", 3);
		this.contextRunner.withUserConfiguration(AllListener.class).run((context) -> {
			Recording listener = context.getBean(AllListener.class);
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("all");
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 3);
			container.stop();
			assertThat(container.isInExpectedState()).isTrue();
			container.start();
			await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 6);
			assertThat(listener.sequences).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthReportsTheListenerAndExpectsItsStream() throws Exception {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(NatsJetStreamAutoConfiguration.class,
					NatsHealthContributorAutoConfiguration.class))
			.withUserConfiguration(AllListener.class)
			.run((context) -> {
				NatsHealthIndicator indicator = context.getBean(NatsHealthIndicator.class);
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat((Map<String, Object>) health.getDetails().get("listeners")).containsEntry("all", "running");
				this.management.deleteStream("EVENTS");
				Health down = indicator.health();
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				Map<String, Object> jetStream = (Map<String, Object>) down.getDetails().get("jetStream");
				assertThat((Map<String, Object>) jetStream.get("streams")).containsEntry("EVENTS", "missing");
			});
	}

	@Test
	void anOrderedListenerOnANamedConnectionConsumesTheStreamOfThatConnection() throws Exception {
		try (NatsServer audit = NatsServer.builder().start(); Connection connection = Nats.connect(audit.getUrl())) {
			TestStreams.reset(connection.jetStreamManagement(), TestStreams.fileStream("AUDIT", "audit.>"));
			for (int i = 1; i <= 3; i++) {
				connection.jetStream().publish("audit.logins", ("login-" + i).getBytes(StandardCharsets.UTF_8));
			}
			this.contextRunner.withUserConfiguration(NamedConnectionListener.class)
				.withPropertyValues("nats.connections.audit.servers=" + audit.getUrl())
				.run((context) -> {
					Recording listener = context.getBean(NamedConnectionListener.class);
					await().atMost(TIMEOUT).until(() -> listener.sequences.size() == 3);
					assertThat(listener.payloads).containsExactly("login-1", "login-2", "login-3");
					assertThat(context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("audit"))
						.isInstanceOf(OrderedJetStreamListenerContainer.class);
				});
		}
	}

	@Test
	void asynchronousResultsCompleteInStreamOrder() throws Exception {
		this.contextRunner.withUserConfiguration(AsyncListener.class).run((context) -> {
			AsyncListener listener = context.getBean(AsyncListener.class);
			publish("events.a", 20);
			await().atMost(TIMEOUT).until(() -> listener.completed.size() == 20);
			assertThat(listener.completed).containsExactlyElementsOf(sequences(1, 20));
			listener.executor.shutdownNow();
		});
	}

	@Test
	void attributesAnOrderedListenerCannotHaveFailStartupNamingThem() {
		assertStartupFails("t.consumer=audit", "is ordered, which cannot be combined with consumer");
		assertStartupFails("t.queue=workers", "is ordered, which cannot be combined with queue");
		assertStartupFails("t.backoff=1s", "is ordered, which cannot be combined with backoff");
		assertStartupFails("t.dead-letter-subject=dlq.events", "cannot be combined with deadLetterSubject");
		assertStartupFails("t.concurrency=2", "processes one message at a time to keep the stream order");
		assertStartupFails("t.deliver=yesterday", "deliver must be all, new, last, last-per-subject");
		assertStartupFails("t.deliver=sequence:0", "stream sequences start at 1");
		assertStartupFails("t.ordered=maybe", "ordered must be true or false, was 'maybe'");
		this.contextRunner.withUserConfiguration(ConfigurableListener.class)
			.withPropertyValues("t.ordered=false", "t.deliver=new")
			.run((context) -> assertThat(startupFailure(context))
				.hasMessageContaining("deliver 'new' applies to ordered listeners only"));
		this.contextRunner.withUserConfiguration(AcknowledgingListener.class)
			.run((context) -> assertThat(startupFailure(context))
				.hasMessageContaining("remove its NatsAcknowledgment parameter"));
		this.contextRunner.withUserConfiguration(ConfigurableListener.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private void assertStartupFails(String property, String message) {
		this.contextRunner.withUserConfiguration(ConfigurableListener.class)
			.withPropertyValues(property)
			.run((context) -> assertThat(startupFailure(context)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("ConfigurableListener.onEvent")
				.hasMessageContaining(message));
	}

	private static Throwable startupFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
	}

	@Test
	void anOrderedListenerOnAMissingStreamFailsStartupWithTheBindingAnalysis() {
		this.contextRunner.withUserConfiguration(MissingStreamListener.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new NatsListenerBindingFailureAnalyzerAccess()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("stream 'NOPE'")
				.contains("does not exist")
				.contains("nats.jetstream.streams.NOPE");
			assertThat(analysis.getAction()).contains("nats.jetstream.streams");
		});
	}

	/**
	 * The acceptance test of ordered listeners: two instances of an application, each
	 * with an ordered listener on the same stream, both receive every message, in order,
	 * while the server is killed (-9) and restarted on the same port and store during
	 * consumption; each receives the exact sequence of the stream, without a gap or a
	 * duplicate, and resumes within seconds of the restart.
	 */
	@Test
	void twoInstancesBothReceiveEveryMessageInOrderAcrossAServerKillAndRestart() throws Exception {
		try (NatsServer faulty = NatsServer.builder().start()) {
			try (Connection connection = Nats.connect(faulty.getUrl())) {
				TestStreams.reset(connection.jetStreamManagement(), TestStreams.fileStream("EVENTS", "events.>"));
			}
			ApplicationContextRunner instances = runner(faulty.getUrl())
				.withUserConfiguration(BroadcastListener.class)
				.withPropertyValues("nats.template.jetstream.publish-timeout=1s");
			instances.run((first) -> instances.run((second) -> {
				BroadcastListener one = first.getBean(BroadcastListener.class);
				BroadcastListener two = second.getBean(BroadcastListener.class);
				int messages = 3000;
				AtomicInteger published = new AtomicInteger();
				Thread producer = new Thread(() -> produce(faulty.getUrl(), messages, published), "producer");
				producer.start();
				await().atMost(TIMEOUT).until(() -> one.sequences.size() > messages / 4);
				faulty.kill();
				Thread.sleep(1000);
				faulty.restart();
				long restartedAt = System.nanoTime();
				producer.join(Duration.ofSeconds(90).toMillis());
				assertThat(published).hasValue(messages);
				List<String> stream = storedPayloads(faulty.getUrl());
				assertThat(stream).hasSize(messages);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> one.payloads.size() >= messages && two.payloads.size() >= messages);
				Thread.sleep(500);
				for (BroadcastListener instance : List.of(one, two)) {
					assertThat(instance.sequences).containsExactlyElementsOf(sequences(1, messages));
					assertThat(instance.payloads).containsExactlyElementsOf(stream);
				}
				long resumedOne = one.firstReceivedAfter(restartedAt) - restartedAt;
				long resumedTwo = two.firstReceivedAfter(restartedAt) - restartedAt;
				System.out.printf("ordered listeners, kill -9 and restart: %d messages, each of 2 instances received "
						+ "all %d in order, 0 missing, 0 duplicates; resumed %d ms and %d ms after the restart%n",
						messages, messages, TimeUnit.NANOSECONDS.toMillis(resumedOne),
						TimeUnit.NANOSECONDS.toMillis(resumedTwo));
				assertThat(Duration.ofNanos(resumedOne)).isLessThan(Duration.ofSeconds(5));
				assertThat(Duration.ofNanos(resumedTwo)).isLessThan(Duration.ofSeconds(5));
				for (AssertableApplicationContext context : List.of(first, second)) {
					assertThat(context.getBean(NatsListenerEndpointRegistry.class)
						.getListenerContainer("broadcast")
						.isInExpectedState()).isTrue();
				}
			}));
		}
	}

	private static void produce(String url, int messages, AtomicInteger published) {
		try (Connection connection = Nats.connect(new Options.Builder().server(url)
			.reconnectWait(Duration.ofMillis(100))
			.maxReconnects(-1)
			.build())) {
			JetStream jetStream = connection.jetStream();
			for (int i = 0; i < messages; i++) {
				String id = "m-" + i;
				PublishOptions options = PublishOptions.builder().messageId(id).build();
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (true) {
					try {
						jetStream.publish("events.broadcast", id.getBytes(StandardCharsets.UTF_8), options);
						published.incrementAndGet();
						break;
					}
					catch (Exception ex) {
						if (System.nanoTime() > deadline) {
							throw new IllegalStateException("Could not publish " + id, ex);
						}
						Thread.sleep(100);
					}
				}
				Thread.sleep(1);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The producer could not connect", ex);
		}
	}

	private static List<String> storedPayloads(String url) throws Exception {
		try (Connection connection = Nats.connect(url)) {
			JetStreamManagement management = connection.jetStreamManagement();
			long last = management.getStreamInfo("EVENTS").getStreamState().getLastSequence();
			List<String> payloads = new ArrayList<>();
			for (long sequence = 1; sequence <= last; sequence++) {
				MessageInfo message = management.getMessage("EVENTS", sequence);
				payloads.add(new String(message.getData(), StandardCharsets.UTF_8));
			}
			return payloads;
		}
	}

	private void publish(String subject, int count) throws Exception {
		for (int i = 1; i <= count; i++) {
			this.jetStream.publish(subject, (subject + "-" + i).getBytes(StandardCharsets.UTF_8));
		}
	}

	private static byte[] json(Order order) {
		return ("{\"id\":\"" + order.id() + "\",\"quantity\":" + order.quantity() + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static List<Long> sequences(long first, long last) {
		return LongStream.rangeClosed(first, last).boxed().toList();
	}

	record Order(String id, int quantity) {

	}

	static class Recording {

		final List<Long> sequences = new CopyOnWriteArrayList<>();

		final List<String> payloads = new CopyOnWriteArrayList<>();

		void record(Message message) {
			this.payloads.add(new String(message.getData(), StandardCharsets.UTF_8));
			this.sequences.add(message.metaData().streamSequence());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AllListener extends Recording {

		@NatsListener(id = "all", stream = "EVENTS", ordered = "true")
		void onEvent(Message message) {
			record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NewListener extends Recording {

		@NatsListener(stream = "EVENTS", ordered = "true", deliver = "new")
		void onEvent(Message message) {
			record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LastListener extends Recording {

		@NatsListener(stream = "EVENTS", ordered = "true", deliver = "last")
		void onEvent(Message message) {
			record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LastPerSubjectListener extends Recording {

		@NatsListener(stream = "EVENTS", ordered = "true", deliver = "LAST-PER-SUBJECT")
		void onEvent(Message message) {
			record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SequenceListeners {

		final Recording bare = new Recording();

		final Recording prefixed = new Recording();

		@NatsListener(stream = "EVENTS", ordered = "true", deliver = "4")
		void onBare(Message message) {
			this.bare.record(message);
		}

		@NatsListener(stream = "EVENTS", ordered = "true", deliver = "sequence:4")
		void onPrefixed(Message message) {
			this.prefixed.record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TimeListeners {

		final Recording bare = new Recording();

		final Recording prefixed = new Recording();

		@NatsListener(stream = "EVENTS", ordered = "true", deliver = "${test.start-time}")
		void onBare(Message message) {
			this.bare.record(message);
		}

		@NatsListener(stream = "EVENTS", ordered = "true", deliver = "time:${test.start-time}")
		void onPrefixed(Message message) {
			this.prefixed.record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FilteredListener extends Recording {

		@NatsListener(stream = "EVENTS", subjects = "events.a", ordered = "true")
		void onEvent(Message message) {
			record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SeveralSubjectsListener extends Recording {

		@NatsListener(stream = "EVENTS", subjects = { "events.a", "events.b" }, ordered = "true")
		void onEvent(Message message) {
			record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConvertingListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsListener(stream = "EVENTS", subjects = "events.orders", ordered = "true")
		void onOrder(Order order, @Header("tenant") String tenant,
				@Header(NatsHeaders.RECEIVED_SUBJECT) String subject) {
			this.received.add(order.id() + " x" + order.quantity() + " for " + tenant + " on " + subject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		final List<Integer> quantities = new CopyOnWriteArrayList<>();

		final List<String> failures = new CopyOnWriteArrayList<>();

		@NatsListener(id = "failing", stream = "EVENTS", subjects = "events.orders", ordered = "true",
				errorHandler = "recordingErrorHandler")
		void onOrder(Order order) {
			this.quantities.add(order.quantity());
			if (order.quantity() % 3 == 0) {
				throw new IllegalStateException("cannot process " + order.id());
			}
		}

		@Bean
		NatsListenerErrorHandler recordingErrorHandler() {
			return (message, exception) -> {
				long sequence = message.metaData().streamSequence();
				this.failures.add(sequence + ": " + (exception.isConversionFailure() ? "not convertible"
						: exception.getCause().getMessage()));
				return null;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncListener {

		final ExecutorService executor = Executors.newFixedThreadPool(4);

		final List<Long> completed = new CopyOnWriteArrayList<>();

		@NatsListener(stream = "EVENTS", ordered = "true")
		CompletableFuture<Void> onEvent(Message message) {
			long sequence = message.metaData().streamSequence();
			return CompletableFuture.runAsync(() -> {
				try {
					Thread.sleep(20 - sequence % 20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.completed.add(sequence);
			}, this.executor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConfigurableListener {

		@NatsListener(stream = "EVENTS", ordered = "${t.ordered:true}", consumer = "${t.consumer:}",
				queue = "${t.queue:}", backoff = "${t.backoff:}", deadLetterSubject = "${t.dead-letter-subject:}",
				concurrency = "${t.concurrency:1}", deliver = "${t.deliver:}")
		void onEvent(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AcknowledgingListener {

		@NatsListener(stream = "EVENTS", ordered = "true")
		void onEvent(String payload, NatsAcknowledgment acknowledgment) {
			acknowledgment.ack();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingStreamListener {

		@NatsListener(stream = "NOPE", ordered = "true")
		void onEvent(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedConnectionListener extends Recording {

		@NatsListener(id = "audit", stream = "AUDIT", ordered = "true", connection = "audit")
		void onEvent(Message message) {
			record(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BroadcastListener extends Recording {

		private final Map<Long, Long> receivedAt = new ConcurrentHashMap<>();

		@NatsListener(id = "broadcast", stream = "EVENTS", subjects = "events.broadcast", ordered = "true")
		void onEvent(Message message) {
			this.receivedAt.putIfAbsent(message.metaData().streamSequence(), System.nanoTime());
			record(message);
		}

		long firstReceivedAfter(long nanos) {
			return this.receivedAt.values()
				.stream()
				.mapToLong(Long::longValue)
				.filter((time) -> time > nanos)
				.min()
				.orElseThrow();
		}

	}

}
