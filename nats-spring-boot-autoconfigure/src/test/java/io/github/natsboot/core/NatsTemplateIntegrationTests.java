package io.github.natsboot.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.kv.KeyValueOperations;
import io.github.natsboot.kv.VersionedValue;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.Subscription;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@EmbeddedNats(config = "max_payload: 4096")
class NatsTemplateIntegrationTests {

	private final ApplicationContextRunner contextRunner;

	NatsTemplateIntegrationTests(NatsServer server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=2s");
	}

	@Test
	void publishesAnObjectAsJsonWithTheCallersHeadersAndAContentType() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			Connection connection = context.getBean(Connection.class);
			Subscription subscription = subscribe(connection, "orders.created");
			Headers headers = new Headers().put("X-Trace", "abc");
			template.publish("orders.created", new Order("o-1", 3), headers);
			Message message = subscription.nextMessage(Duration.ofSeconds(5));
			assertThat(message.getHeaders().getFirst("X-Trace")).isEqualTo("abc");
			assertThat(message.getHeaders().getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo("application/json");
			assertThat(JsonMapper.shared().readValue(message.getData(), Order.class)).isEqualTo(new Order("o-1", 3));
			assertThat(headers.containsKey(NatsHeaders.CONTENT_TYPE)).as("caller's headers untouched").isFalse();
		});
	}

	@Test
	void headersPassedAgainAndChangedBetweenPublishesAreSentAsTheyWereWhenPublished() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			Connection connection = context.getBean(Connection.class);
			Subscription subscription = subscribe(connection, "orders.tagged");
			Headers headers = new Headers().put("X-Tenant", "acme");
			template.publish("orders.tagged", new Order("o-1", 1), headers);
			template.publish("orders.tagged", new Order("o-2", 1), headers);
			template.publish("orders.tagged", new Order("o-3", 1), headers);
			headers.put("X-Tenant", "globex");
			template.publish("orders.tagged", new Order("o-4", 1), headers);
			headers.add("X-Region", "eu");
			template.publish("orders.tagged", new Order("o-5", 1), headers);
			List<String> received = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				Headers sent = subscription.nextMessage(Duration.ofSeconds(5)).getHeaders();
				received.add(sent.getFirst("X-Tenant") + "/" + sent.getFirst("X-Region") + "/"
						+ sent.getFirst(NatsHeaders.CONTENT_TYPE));
			}
			assertThat(received).containsExactly("acme/null/application/json", "acme/null/application/json",
					"acme/null/application/json", "globex/null/application/json", "globex/eu/application/json");
		});
	}

	@Test
	void objectsRoundTripAsJsonWhenOnlyJackson2IsOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("tools.jackson"))
			.withConfiguration(AutoConfigurations.of(Jackson2AutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(com.fasterxml.jackson.databind.ObjectMapper.class)
					.doesNotHaveBean(JsonMapper.class);
				NatsTemplate template = context.getBean(NatsTemplate.class);
				Connection connection = context.getBean(Connection.class);
				respond(connection, "jackson2.quotes", (request) -> {
					com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
					Order order = mapper.readValue(request.getData(), Order.class);
					return mapper.writeValueAsBytes(new Quote(order.id(), order.quantity()));
				});
				assertThat(template.request("jackson2.quotes", new Order("o-9", 9), Quote.class))
					.isEqualTo(new Quote("o-9", 9));
			});
	}

	@Test
	void publishesStringsAsUtf8TextAndBytesAsTheyAre() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			Subscription subscription = subscribe(context.getBean(Connection.class), "raw.>");
			template.publish("raw.text", "grüße");
			template.publish("raw.bytes", new byte[] { 1, 2, 3 });
			Message text = subscription.nextMessage(Duration.ofSeconds(5));
			assertThat(new String(text.getData(), StandardCharsets.UTF_8)).isEqualTo("grüße");
			assertThat(text.getHeaders().getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo("text/plain;charset=UTF-8");
			Message bytes = subscription.nextMessage(Duration.ofSeconds(5));
			assertThat(bytes.getData()).containsExactly(1, 2, 3);
			assertThat(bytes.hasHeaders()).isFalse();
		});
	}

	@Test
	void requestReturnsTheReplyReadAsTheRequestedType() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			respond(context.getBean(Connection.class), "quotes.request", (request) -> {
				Order order = JsonMapper.shared().readValue(request.getData(), Order.class);
				return JsonMapper.shared().writeValueAsBytes(new Quote(order.id(), order.quantity() * 2.5));
			});
			Quote quote = template.request("quotes.request", new Order("o-2", 4), Quote.class);
			assertThat(quote).isEqualTo(new Quote("o-2", 10.0));
			CompletableFuture<Quote> async = template.requestAsync("quotes.request", new Order("o-3", 2), Quote.class);
			assertThat(async.get(5, TimeUnit.SECONDS)).isEqualTo(new Quote("o-3", 5.0));
		});
	}

	@Test
	void requestWithoutRespondersFailsAtOnceInsteadOfWaitingForTheTimeout() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			long start = System.nanoTime();
			assertThatExceptionOfType(NatsNoRespondersException.class)
				.isThrownBy(() -> template.request("nobody.home", "hi", String.class, Duration.ofSeconds(10)))
				.withMessageContaining("nobody.home");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(template.requestAsync("nobody.home", "hi", String.class))
				.failsWithin(Duration.ofSeconds(2))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(NatsNoRespondersException.class);
		});
	}

	@Test
	void requestThatGetsNoReplyInTimeFailsNamingTheSubjectAndTheTimeout() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			Connection connection = context.getBean(Connection.class);
			subscribe(connection, "slow.service");
			long start = System.nanoTime();
			assertThatExceptionOfType(NatsRequestTimeoutException.class)
				.isThrownBy(() -> template.request("slow.service", "hi", String.class, Duration.ofMillis(300)))
				.withMessageContaining("slow.service")
				.withMessageContaining("300 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(template.requestAsync("slow.service", "hi", null, String.class, Duration.ofMillis(300)))
				.failsWithin(Duration.ofSeconds(2))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(NatsRequestTimeoutException.class);
		});
	}

	@Test
	void errorReplyBecomesAServiceErrorWithItsCodeAndDescription() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			Connection connection = context.getBean(Connection.class);
			Dispatcher dispatcher = connection.createDispatcher((request) -> connection.publish(request.getReplyTo(),
					new Headers().put(NatsHeaders.SERVICE_ERROR, "quantity must be positive")
						.put(NatsHeaders.SERVICE_ERROR_CODE, "400"),
					new byte[0]));
			dispatcher.subscribe("failing.service");
			connection.flush(Duration.ofSeconds(2));
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> template.request("failing.service", new Order("o", -1), Quote.class))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(400);
					assertThat(ex.getDescription()).isEqualTo("quantity must be positive");
				});
		});
	}

	@Test
	void payloadLargerThanTheServerAcceptsIsRejectedBeforeAnythingIsSent() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			Subscription subscription = subscribe(context.getBean(Connection.class), "big.payload");
			assertThatExceptionOfType(NatsPayloadTooLargeException.class)
				.isThrownBy(() -> template.publish("big.payload", new byte[5000]))
				.withMessageContaining("5000 bytes")
				.withMessageContaining("max_payload of 4096 bytes");
			template.publish("big.payload", new byte[100]);
			assertThat(subscription.nextMessage(Duration.ofSeconds(5)).getData()).hasSize(100);
		});
	}

	@Test
	void invalidSubjectsAreRejectedBeforeAnythingIsSent() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			assertThatIllegalArgumentException().isThrownBy(() -> template.publish("", "x"))
				.withMessageContaining("must not be empty");
			assertThatIllegalArgumentException().isThrownBy(() -> template.publish("  ", "x"));
			assertThatIllegalArgumentException().isThrownBy(() -> template.publish("orders.*", "x"))
				.withMessageContaining("wildcards");
			assertThatIllegalArgumentException().isThrownBy(() -> template.request("orders.>", "x", String.class));
			assertThatIllegalArgumentException().isThrownBy(() -> template.publish("orders..new", "x"))
				.withMessageContaining("empty token");
			assertThatIllegalArgumentException().isThrownBy(() -> template.publish("orders new", "x"))
				.withMessageContaining("whitespace");
		});
	}

	@Test
	void publishToAStreamIsAcknowledgedAndDuplicatesByMessageIdAreStoredOnce() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			JetStreamManagement management = createStream(context.getBean(Connection.class), "DEDUPE", "dedupe.>");
			PublishOptions options = PublishOptions.builder().messageId("order-1").build();
			PublishAck first = template.publishToStream("dedupe.orders", new Order("o-1", 1), null, options);
			PublishAck second = template.publishToStream("dedupe.orders", new Order("o-1", 1), null, options);
			assertThat(first.getStream()).isEqualTo("DEDUPE");
			assertThat(first.isDuplicate()).isFalse();
			assertThat(second.isDuplicate()).isTrue();
			assertThat(management.getStreamInfo("DEDUPE").getStreamState().getMsgCount()).isEqualTo(1);
		});
	}

	@Test
	void publishWithAStaleExpectedLastSequenceIsRejected() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			createStream(context.getBean(Connection.class), "SEQ", "seq.>");
			PublishAck ack = template.publishToStream("seq.a", "one");
			PublishOptions current = PublishOptions.builder().expectedLastSequence(ack.getSeqno()).build();
			assertThat(template.publishToStream("seq.a", "two", null, current).getSeqno()).isEqualTo(2);
			assertThatExceptionOfType(NatsJetStreamApiException.class)
				.isThrownBy(() -> template.publishToStream("seq.a", "three", null, current))
				.satisfies((ex) -> assertThat(ex.getApiErrorCode())
					.isEqualTo(NatsJetStreamApiException.WRONG_LAST_SEQUENCE));
			PublishOptions staleSubject = PublishOptions.builder().expectedLastSubjectSequence(1).build();
			assertThatExceptionOfType(NatsJetStreamApiException.class)
				.isThrownBy(() -> template.publishToStream("seq.a", "four", null, staleSubject));
		});
	}

	@Test
	void publishToASubjectNoStreamCapturesFailsClearlyInsteadOfTimingOut() {
		this.contextRunner.withPropertyValues("nats.template.jetstream.publish-timeout=10s").run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			long start = System.nanoTime();
			assertThatExceptionOfType(NatsNoStreamException.class)
				.isThrownBy(() -> template.publishToStream("nowhere.at.all", "x"))
				.withMessageContaining("nowhere.at.all");
			assertThat(template.publishToStreamAsync("nowhere.at.all", "x")).failsWithin(Duration.ofSeconds(2))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(NatsNoStreamException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		});
	}

	@Test
	void asyncPublishOfManyMessagesKeepsTheInFlightWindowBounded() {
		int messages = 100_000;
		int window = 256;
		this.contextRunner.withPropertyValues("nats.template.jetstream.max-in-flight=" + window).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			JetStreamManagement management = createStream(context.getBean(Connection.class), "BULK", "bulk.>");
			List<CompletableFuture<PublishAck>> acks = new ArrayList<>(messages);
			int maxPending = 0;
			long start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				acks.add(template.publishToStreamAsync("bulk.orders", new Order("o-" + i, i)));
				maxPending = Math.max(maxPending, template.getPendingStreamPublishes());
			}
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			System.out.printf("async JetStream publish: %d messages in %d ms (%d msg/s), max in flight %d of %d%n",
					messages, elapsedMillis, messages * 1000L / Math.max(1, elapsedMillis), maxPending, window);
			assertThat(maxPending).isLessThanOrEqualTo(window);
			assertThat(template.getPendingStreamPublishes()).isZero();
			assertThat(management.getStreamInfo("BULK").getStreamState().getMsgCount()).isEqualTo(messages);
		});
	}

	@Test
	void closingTheContextWaitsForPendingAsyncAcknowledgements() {
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		int messages = 5_000;
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			createStream(context.getBean(Connection.class), "SHUTDOWN", "shutdown.>");
			for (int i = 0; i < messages; i++) {
				template.publishToStreamAsync("shutdown.orders", "m" + i)
					.whenComplete((ack, ex) -> ((ex != null) ? failed : acknowledged).incrementAndGet());
			}
		});
		assertThat(failed).hasValue(0);
		assertThat(acknowledged).hasValue(messages);
	}

	@Test
	void keyValueOperationsOfABucketConvertValuesLikePayloads() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			context.getBean(Connection.class)
				.keyValueManagement()
				.create(KeyValueConfiguration.builder().name("orders-kv").storageType(StorageType.Memory).build());
			KeyValueOperations orders = template.keyValue("orders-kv");
			assertThat(template.keyValue("orders-kv")).isSameAs(orders);
			long revision = orders.create("o-1", new Order("o-1", 1));
			VersionedValue<Order> stored = orders.get("o-1", Order.class);
			assertThat(stored.value()).isEqualTo(new Order("o-1", 1));
			assertThat(stored.revision()).isEqualTo(revision);
		});
	}

	private static JetStreamManagement createStream(Connection connection, String name, String subject)
			throws Exception {
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(StreamConfiguration.builder()
			.name(name)
			.subjects(subject)
			.storageType(StorageType.Memory)
			.build());
		return management;
	}

	private static Subscription subscribe(Connection connection, String subject) throws Exception {
		Subscription subscription = connection.subscribe(subject);
		connection.flush(Duration.ofSeconds(2));
		return subscription;
	}

	private static void respond(Connection connection, String subject, Responder responder) throws Exception {
		Dispatcher dispatcher = connection.createDispatcher((request) -> {
			try {
				connection.publish(request.getReplyTo(), responder.reply(request));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		dispatcher.subscribe(subject);
		connection.flush(Duration.ofSeconds(2));
	}

	interface Responder {

		byte[] reply(Message request) throws Exception;

	}

	record Order(String id, int quantity) {
	}

	record Quote(String orderId, double price) {
	}

}
