package io.github.natsboot.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsNoRespondersException;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.impl.Headers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@EmbeddedNats
class NatsListenerIntegrationTests {

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	NatsListenerIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, JacksonAutoConfiguration.class,
					ValidationAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=10s");
	}

	@Test
	void typedJsonListenerReceivesTheConvertedPayload() {
		this.contextRunner.withUserConfiguration(OrderListener.class).run((context) -> {
			context.getBean(NatsTemplate.class).publish("orders.created", new Order("o-1", 2));
			assertThat(context.getBean(OrderListener.class).orders.poll(5, TimeUnit.SECONDS))
				.isEqualTo(new Order("o-1", 2));
		});
	}

	@Test
	void everyKindOfParameterIsResolved() {
		this.contextRunner.withUserConfiguration(ParameterKindsListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			template.publish("kinds.all.eu", new Order("o-2", 5), new Headers().put("X-Trace", "t-1"));
			template.publish("kinds.spring", new Order("o-3", 6));
			template.publish("kinds.text", "hello");
			template.publish("kinds.bytes", new byte[] { 7, 8 });
			ParameterKindsListener listener = context.getBean(ParameterKindsListener.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> listener.received.size() == 4);
			Map<String, Object> all = listener.received.get("all");
			assertThat(all).containsEntry("order", new Order("o-2", 5))
				.containsEntry("trace", "t-1")
				.containsEntry("subject", "kinds.all.eu")
				.containsEntry("rawSubject", "kinds.all.eu");
			@SuppressWarnings("unchecked")
			Map<String, Object> headers = (Map<String, Object>) all.get("headers");
			assertThat(headers).containsEntry("X-Trace", "t-1")
				.containsEntry(NatsHeaders.CONTENT_TYPE, "application/json");
			Map<String, Object> spring = listener.received.get("spring");
			assertThat(spring).containsEntry("springPayload", new Order("o-3", 6))
				.containsEntry("springSubject", "kinds.spring");
			assertThat(listener.received.get("text")).containsEntry("text", "hello");
			assertThat(listener.received.get("bytes")).containsEntry("bytes", List.of((byte) 7, (byte) 8));
		});
	}

	@Test
	void returnValueAnswersATemplateRequest() {
		this.contextRunner.withUserConfiguration(QuoteListener.class).run((context) -> {
			Quote quote = context.getBean(NatsTemplate.class).request("quotes.request", new Order("o-4", 4), Quote.class);
			assertThat(quote).isEqualTo(new Quote("o-4", 10.0));
		});
	}

	@Test
	void throwingHandlerAnswersTheRequesterWithAnErrorAtOnceAndReachesTheErrorHandler() {
		this.contextRunner.withUserConfiguration(QuoteListener.class, RecordingErrorHandler.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			long start = System.nanoTime();
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> template.request("quotes.request", new Order("o-5", 0), Quote.class,
						Duration.ofSeconds(10)))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(500);
					assertThat(ex.getDescription()).contains("quantity must be positive");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			NatsListenerExecutionFailedException failure = context.getBean(RecordingErrorHandler.class).failures
				.poll(5, TimeUnit.SECONDS);
			assertThat(failure.getListenerId()).isEqualTo("quotes");
			assertThat(failure.isConversionFailure()).isFalse();
		});
	}

	@Test
	void malformedPayloadIsAConversionErrorAndTheListenerKeepsWorking() {
		this.contextRunner.withUserConfiguration(QuoteListener.class, RecordingErrorHandler.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			Headers json = new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json");
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> template.request("quotes.request", "{not json".getBytes(StandardCharsets.UTF_8), json,
						Quote.class, Duration.ofSeconds(5)))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(400));
			assertThat(context.getBean(RecordingErrorHandler.class).failures.poll(5, TimeUnit.SECONDS)
				.isConversionFailure()).isTrue();
			assertThat(template.request("quotes.request", new Order("o-6", 2), Quote.class))
				.isEqualTo(new Quote("o-6", 5.0));
		});
	}

	@Test
	void invalidPayloadIsRejectedByTheValidator() {
		this.contextRunner.withUserConfiguration(ValidatingListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> template.request("validated", new Order("", 1), String.class))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(400));
			assertThat(template.request("validated", new Order("o-7", 1), String.class)).isEqualTo("valid o-7");
		});
	}

	@Test
	void anErrorThrownByTheHandlerDoesNotKillTheSubscription() {
		this.contextRunner.withUserConfiguration(ErrorThrowingListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			template.publish("errors", "boom");
			template.publish("errors", "fine");
			ErrorThrowingListener listener = context.getBean(ErrorThrowingListener.class);
			assertThat(listener.processed.poll(5, TimeUnit.SECONDS)).isEqualTo("fine");
		});
	}

	@Test
	void twoApplicationsInTheSameQueueGroupSplitTheMessagesWithoutDuplicatesOrLoss() {
		int messages = 10_000;
		Set<String> seen = ConcurrentHashMap.newKeySet();
		AtomicInteger duplicates = new AtomicInteger();
		List<AtomicInteger> perInstance = new CopyOnWriteArrayList<>();
		ApplicationContextRunner worker = this.contextRunner.withUserConfiguration(QueueWorker.class)
			.withBean(Tally.class, () -> new Tally(seen, duplicates));
		worker.run((first) -> worker.run((second) -> {
			perInstance.add(first.getBean(QueueWorker.class).count);
			perInstance.add(second.getBean(QueueWorker.class).count);
			NatsTemplate template = first.getBean(NatsTemplate.class);
			for (int i = 0; i < messages; i++) {
				template.publish("work.items", "item-" + i);
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= messages);
			Thread.sleep(200);
		}));
		System.out.printf("queue group: %d messages, split %d / %d, %d duplicates%n", messages,
				perInstance.get(0).get(), perInstance.get(1).get(), duplicates.get());
		assertThat(seen).hasSize(messages);
		assertThat(duplicates).hasValue(0);
		assertThat(perInstance.get(0).get() + perInstance.get(1).get()).isEqualTo(messages);
		assertThat(perInstance).allSatisfy((count) -> assertThat(count.get()).isGreaterThan(messages / 10));
	}

	@Test
	void concurrencyRunsThatManyHandlersInParallel() {
		this.contextRunner.withUserConfiguration(ConcurrentListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			for (int i = 0; i < 100; i++) {
				template.publish("parallel", "m" + i);
			}
			ConcurrentListener listener = context.getBean(ConcurrentListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.done.get() == 100);
			assertThat(listener.maxActive).hasValue(4);
		});
	}

	@Test
	void withConcurrencyOneMessagesAreProcessedInOrder() {
		this.contextRunner.withUserConfiguration(OrderedListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			for (int i = 0; i < 1000; i++) {
				template.publish("ordered", Integer.toString(i));
			}
			OrderedListener listener = context.getBean(OrderedListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() == 1000);
			List<Integer> expected = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				expected.add(i);
			}
			assertThat(listener.received).containsExactlyElementsOf(expected);
		});
	}

	@Test
	void listenersCanBeStoppedStartedPausedAndResumedById() {
		this.contextRunner.withUserConfiguration(QuoteListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("quotes");
			Order order = new Order("o-8", 2);
			container.stop();
			assertThat(container.isRunning()).isFalse();
			assertThatExceptionOfType(NatsNoRespondersException.class)
				.isThrownBy(() -> template.request("quotes.request", order, Quote.class));
			container.start();
			assertThat(template.request("quotes.request", order, Quote.class)).isEqualTo(new Quote("o-8", 5.0));
			container.pause();
			assertThat(container.isPaused()).isTrue();
			assertThatExceptionOfType(NatsNoRespondersException.class)
				.isThrownBy(() -> template.request("quotes.request", order, Quote.class));
			container.resume();
			assertThat(template.request("quotes.request", order, Quote.class)).isEqualTo(new Quote("o-8", 5.0));
		});
	}

	@Test
	void autoStartupFalseLeavesTheListenerStoppedUntilStartedById() {
		this.contextRunner.withUserConfiguration(ManualListener.class).run((context) -> {
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("manual");
			assertThat(container.isRunning()).isFalse();
			container.start();
			assertThat(context.getBean(NatsTemplate.class).request("manual.subject", "x", String.class))
				.isEqualTo("manual x");
		});
	}

	@Test
	void closingTheContextLetsInFlightHandlersFinishAndTheirRepliesArrive() throws Exception {
		try (Connection client = Nats.connect(this.server.getUrl())) {
			List<CompletableFuture<Message>> replies = new ArrayList<>();
			this.contextRunner.withUserConfiguration(SlowListener.class).run((context) -> {
				for (int i = 0; i < 5; i++) {
					replies.add(client.request("slow", ("m" + i).getBytes(StandardCharsets.UTF_8)));
				}
				client.flush(Duration.ofSeconds(2));
				assertThat(context.getBean(SlowListener.class).started.await(5, TimeUnit.SECONDS)).isTrue();
			});
			for (CompletableFuture<Message> reply : replies) {
				assertThat(new String(reply.get(5, TimeUnit.SECONDS).getData(), StandardCharsets.UTF_8))
					.startsWith("done m");
			}
		}
	}

	@Test
	void placeholdersInAttributesAreResolved() {
		this.contextRunner.withUserConfiguration(PlaceholderListener.class)
			.withPropertyValues("app.subject=resolved.subject", "app.concurrency=2")
			.run((context) -> assertThat(context.getBean(NatsTemplate.class)
				.request("resolved.subject", "x", String.class)).isEqualTo("resolved x"));
	}

	@Test
	void invalidSubjectFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(InvalidSubjectListener.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("InvalidSubjectListener.listen")
				.hasMessageContaining("orders.>.x"));
	}

	record Order(@NotBlank String id, @Min(0) int quantity) {
	}

	record Quote(String orderId, double price) {
	}

	record Tally(Set<String> seen, AtomicInteger duplicates) {
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderListener {

		final BlockingQueue<Order> orders = new LinkedBlockingQueue<>();

		@NatsListener(subjects = "orders.created")
		void onOrder(Order order) {
			this.orders.add(order);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ParameterKindsListener {

		final Map<String, Map<String, Object>> received = new ConcurrentHashMap<>();

		@NatsListener(subjects = "kinds.all.*")
		void all(@Payload Order order, @Header("X-Trace") String trace,
				@org.springframework.messaging.handler.annotation.Headers Map<String, Object> headers,
				@Header(NatsHeaders.RECEIVED_SUBJECT) String subject, Message raw) {
			this.received.put("all", Map.of("order", order, "trace", trace, "headers", headers, "subject", subject,
					"rawSubject", raw.getSubject()));
		}

		@NatsListener(subjects = "kinds.spring")
		void spring(org.springframework.messaging.Message<Order> message) {
			this.received.put("spring", Map.of("springPayload", message.getPayload(), "springSubject",
					message.getHeaders().get(NatsHeaders.RECEIVED_SUBJECT)));
		}

		@NatsListener(subjects = "kinds.text")
		void text(String text) {
			this.received.put("text", Map.of("text", text));
		}

		@NatsListener(subjects = "kinds.bytes")
		void bytes(byte[] bytes) {
			List<Byte> list = new ArrayList<>();
			for (byte b : bytes) {
				list.add(b);
			}
			this.received.put("bytes", Map.of("bytes", list));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QuoteListener {

		@NatsListener(id = "quotes", subjects = "quotes.request", queue = "quote-workers")
		Quote quote(Order order) {
			if (order.quantity() <= 0) {
				throw new IllegalArgumentException("quantity must be positive");
			}
			return new Quote(order.id(), order.quantity() * 2.5);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingErrorHandler {

		final BlockingQueue<NatsListenerExecutionFailedException> failures = new LinkedBlockingQueue<>();

		@Bean
		NatsListenerErrorHandler recordingErrorHandler() {
			return (message, exception) -> {
				this.failures.add(exception);
				return null;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ValidatingListener {

		@NatsListener(subjects = "validated")
		String check(@Valid Order order) {
			return "valid " + order.id();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ErrorThrowingListener {

		final BlockingQueue<String> processed = new LinkedBlockingQueue<>();

		@NatsListener(subjects = "errors")
		void handle(String text) {
			if (text.equals("boom")) {
				throw new StackOverflowError("simulated");
			}
			this.processed.add(text);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QueueWorker {

		final AtomicInteger count = new AtomicInteger();

		private final Tally tally;

		QueueWorker(Tally tally) {
			this.tally = tally;
		}

		@NatsListener(subjects = "work.items", queue = "workers", concurrency = "2")
		void work(String item) {
			this.count.incrementAndGet();
			if (!this.tally.seen().add(item)) {
				this.tally.duplicates().incrementAndGet();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConcurrentListener {

		final AtomicInteger active = new AtomicInteger();

		final AtomicInteger maxActive = new AtomicInteger();

		final AtomicInteger done = new AtomicInteger();

		@NatsListener(subjects = "parallel", concurrency = "4")
		void handle(String text) throws InterruptedException {
			int now = this.active.incrementAndGet();
			this.maxActive.accumulateAndGet(now, Math::max);
			Thread.sleep(20);
			this.active.decrementAndGet();
			this.done.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedListener {

		final List<Integer> received = Collections.synchronizedList(new ArrayList<>());

		@NatsListener(subjects = "ordered")
		void handle(String text) {
			this.received.add(Integer.parseInt(text));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ManualListener {

		@NatsListener(id = "manual", subjects = "manual.subject", autoStartup = "false")
		String handle(String text) {
			return "manual " + text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowListener {

		final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

		@NatsListener(subjects = "slow")
		String handle(String text) throws InterruptedException {
			this.started.countDown();
			Thread.sleep(300);
			return "done " + text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderListener {

		@NatsListener(subjects = "${app.subject}", concurrency = "${app.concurrency}")
		String handle(String text) {
			return "resolved " + text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidSubjectListener {

		@NatsListener(subjects = "orders.>.x")
		void listen(String text) {
		}

	}

}
