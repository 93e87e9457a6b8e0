package io.github.natsboot.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.autoconfigure.service.NatsServiceAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
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
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a foreign client can send, thrown at running listeners: random bytes, invalid
 * UTF-8, NUL, CR/LF and 0xFF payloads, payloads near {@code max_payload}, headers with
 * odd values, and listener exceptions whose messages hold line breaks and non-ASCII
 * text. Every request is answered within a second (a reply or an error reply), every
 * JetStream message ends acknowledged or dead-lettered, the listeners keep serving the
 * good messages mixed in, and the connection never reports an exception. jnats is the
 * foreign client, so every header sent is one jnats accepts.
 */
@EmbeddedNats(config = "max_payload: " + ForeignClientFuzzReliabilityTests.MAX_PAYLOAD)
@ExtendWith(OutputCaptureExtension.class)
class ForeignClientFuzzReliabilityTests {

	static final int MAX_PAYLOAD = 65536;

	private static final long SEED = 20261203L;

	private static final int BAD = 120;

	private static final int GOOD = 40;

	private static final Duration REPLY_WITHIN = Duration.ofSeconds(1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection client;

	ForeignClientFuzzReliabilityTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsServiceAutoConfiguration.class,
					NatsMetricsAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s", "nats.listener.jetstream.backoff=50ms",
					"nats.listener.jetstream.max-deliver=2");
	}

	@BeforeEach
	void connect() throws Exception {
		this.client = Nats.connect(this.server.getUrl());
		TestStreams.reset(this.client.jetStreamManagement(), TestStreams.fileStream("FUZZ", "fuzz.js.>"),
				TestStreams.fileStream("DLQ", "dlq.>"));
	}

	@AfterEach
	void close() throws InterruptedException {
		this.client.close();
	}

	@Test
	void everyRequestToACoreListenerIsAnsweredWithinASecond(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(QuoteListener.class)
			.run((context) -> assertEveryRequestAnswered(context, output, "core listener"));
	}

	@Test
	void everyRequestToAServiceEndpointIsAnsweredWithinASecond(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(QuoteListener.class)
			.withPropertyValues("nats.service.enabled=true", "nats.service.name=fuzz", "nats.service.version=1.0.0")
			.run((context) -> assertEveryRequestAnswered(context, output, "service endpoint"));
	}

	@Test
	void everyJetStreamMessageEndsAcknowledgedOrDeadLettered(CapturedOutput output) throws Exception {
		this.contextRunner.withUserConfiguration(StreamListener.class).run((context) -> {
			StreamListener listener = context.getBean(StreamListener.class);
			JetStream jetStream = this.client.jetStream();
			FuzzInput input = new FuzzInput(SEED, MAX_PAYLOAD);
			int throwing = 0;
			for (int i = 0; i < BAD; i++) {
				jetStream.publish(message("fuzz.js.bad", input.headers(), input.badPayload(i)));
				if (i % 3 == 0) {
					int quantity = (i % 6 == 0) ? QuoteListener.THROWS : i;
					throwing += (quantity == QuoteListener.THROWS) ? 1 : 0;
					jetStream.publish(message("fuzz.js.good", input.headers(), order("o-" + i, quantity)));
				}
			}
			int good = BAD / 3 - throwing;
			int expectedDeadLetters = BAD + throwing;
			JetStreamManagement management = this.client.jetStreamManagement();
			await().atMost(Duration.ofSeconds(60)).until(() -> settled(management, "FUZZ", "fuzz-js")
					&& deadLetters(management) == expectedDeadLetters);
			Map<String, Integer> reasons = new TreeMap<>();
			for (long sequence = 1; sequence <= expectedDeadLetters; sequence++) {
				MessageInfo dead = management.getMessage("DLQ", sequence);
				reasons.merge(dead.getHeaders().getFirst(NatsHeaders.DLQ_REASON), 1, Integer::sum);
				assertThat(dead.getHeaders().getFirst(NatsHeaders.DLQ_EXCEPTION)).isNotEmpty()
					.matches("[\\x20-\\x7e]+");
			}
			boolean running = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("fuzz-js")
				.isRunning();
			ReliabilityFigures.report("foreign-client fuzz: JetStream listener",
					"sent %d bad payloads + %d good + %d whose listener throws / processed %d / dead-lettered %s / "
							+ "stranded 0 / connection exceptions %d; listener running: %s",
					BAD, good, throwing, listener.processed.size(), reasons, connectionExceptions(output), running);
			assertThat(listener.processed).hasSize(good);
			assertThat(reasons).containsEntry("not-convertible", BAD).containsEntry("max-deliveries", throwing);
			assertThat(running).isTrue();
			assertNoConnectionOrReplyTrouble(output);
		});
	}

	private void assertEveryRequestAnswered(ConfigurableApplicationContext context, CapturedOutput output,
			String kind) throws Exception {
		FuzzInput input = new FuzzInput(SEED, MAX_PAYLOAD);
		Map<String, Integer> answers = new TreeMap<>();
		List<String> descriptions = new ArrayList<>();
		int goodAnswered = 0;
		int sent = 0;
		long slowest = 0;
		for (int i = 0; i < BAD; i++) {
			Answer answer = request(message("fuzz.quote", input.headers(), input.badPayload(i)));
			sent++;
			slowest = Math.max(slowest, answer.millis());
			answers.merge(answer.outcome(), 1, Integer::sum);
			descriptions.add(answer.description());
			assertThat(answer.outcome()).as("answer to bad payload %d", i).isEqualTo("400");
			if (i % 3 == 0) {
				int quantity = (i % 6 == 0) ? QuoteListener.THROWS : (i % 9 == 0) ? QuoteListener.TOO_LARGE : i;
				Answer good = request(message("fuzz.quote", input.headers(), order("o-" + i, quantity)));
				sent++;
				slowest = Math.max(slowest, good.millis());
				answers.merge(good.outcome(), 1, Integer::sum);
				descriptions.add(good.description());
				assertThat(good.outcome()).isEqualTo(
						(quantity == QuoteListener.THROWS || quantity == QuoteListener.TOO_LARGE) ? "500" : "quote");
				goodAnswered += good.outcome().equals("quote") ? 1 : 0;
			}
		}
		double replyFailures = context.getBean(MeterRegistry.class)
			.get(MicrometerNatsListenerMetricsFactory.REPLY_FAILURES)
			.counter()
			.count();
		boolean running = context.getBean(NatsListenerEndpointRegistry.class)
			.getListenerContainer("fuzz-quote")
			.isRunning();
		ReliabilityFigures.report("foreign-client fuzz: requests to a " + kind,
				"%d requests (%d bad payloads) / answered %d by kind %s / slowest %d ms / timeouts 0 / "
						+ "reply failures counted %.0f / connection exceptions %d; listener running: %s",
				sent, BAD, answers.values().stream().mapToInt(Integer::intValue).sum(), answers, slowest,
				replyFailures, connectionExceptions(output), running);
		assertThat(descriptions).allMatch((description) -> description.matches("[\\x20-\\x7e]*"));
		assertThat(descriptions).anyMatch((description) -> description.contains("Ung\\u00fcltige Menge"));
		assertThat(goodAnswered).isPositive();
		assertThat(replyFailures).as("replies too large, answered with an error instead").isPositive();
		assertThat(running).isTrue();
		assertNoConnectionOrReplyTrouble(output);
	}

	private Answer request(Message message) throws InterruptedException {
		long start = System.nanoTime();
		Message reply = this.client.request(message, REPLY_WITHIN);
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		assertThat(reply).as("reply within %s", REPLY_WITHIN).isNotNull();
		Headers headers = reply.getHeaders();
		String code = (headers != null) ? headers.getFirst(NatsHeaders.SERVICE_ERROR_CODE) : null;
		String description = (headers != null) ? headers.getFirst(NatsHeaders.SERVICE_ERROR) : "";
		return new Answer((code != null) ? code : "quote", (description != null) ? description : "", millis);
	}

	private static void assertNoConnectionOrReplyTrouble(CapturedOutput output) {
		assertThat(connectionExceptions(output)).isZero();
		assertThat(output.getAll()).doesNotContain("Header value has invalid character")
			.doesNotContain("Could not send the error reply")
			.doesNotContain("Could not dead-letter");
	}

	private static int connectionExceptions(CapturedOutput output) {
		return output.getAll().split("NATS connection exception", -1).length - 1;
	}

	private static boolean settled(JetStreamManagement management, String stream, String consumer) throws Exception {
		ConsumerInfo info = management.getConsumerInfo(stream, consumer);
		return info.getNumPending() == 0 && info.getNumAckPending() == 0;
	}

	private static long deadLetters(JetStreamManagement management) throws Exception {
		return management.getStreamInfo("DLQ").getStreamState().getMsgCount();
	}

	private static Message message(String subject, Headers headers, byte[] data) {
		return NatsMessage.builder().subject(subject).headers(headers).data(data).build();
	}

	private static byte[] order(String id, int quantity) {
		return JSON.writeValueAsString(new Order(id, quantity)).getBytes(StandardCharsets.UTF_8);
	}

	private record Answer(String outcome, String description, long millis) {
	}

	record Order(String id, int quantity) {
	}

	record Quote(String orderId, String note) {
	}

	@Configuration(proxyBeanMethods = false)
	static class QuoteListener {

		static final int THROWS = 13;

		static final int TOO_LARGE = 7;

		@NatsListener(id = "fuzz-quote", subjects = "fuzz.quote")
		Quote quote(Order order) {
			if (order.quantity() == THROWS) {
				throw new IllegalStateException("Ung\u00fcltige Menge\r\nf\u00fcr " + order.id() + " \u0000\u00ff\u20ac");
			}
			String note = (order.quantity() == TOO_LARGE) ? "x".repeat(MAX_PAYLOAD) : "ok";
			return new Quote(order.id(), note);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StreamListener {

		final Map<String, Boolean> processed = new ConcurrentHashMap<>();

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(id = "fuzz-js", stream = "FUZZ", subjects = "fuzz.js.>", concurrency = "2")
		void onOrder(Order order) {
			this.invocations.incrementAndGet();
			if (order.quantity() == QuoteListener.THROWS) {
				throw new IllegalStateException("Ung\u00fcltige Menge\r\nf\u00fcr " + order.id() + " \u0000\u00ff");
			}
			this.processed.put(order.id(), true);
		}

	}

}
