package io.github.natsboot.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsPayloadTooLargeException;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Bad input mixed into a flow of good messages, against listeners that keep running:
 * payloads that cannot be converted (malformed JSON, JSON of the wrong type, an empty
 * payload, a JSON array for an object) and calls the template refuses (a subject with a
 * space or a wildcard, a payload over the server's {@code max_payload}). Startup-time bad
 * input (a listener bound to a missing stream, a consumer or stream configuration the
 * server rejects) is covered by {@code JetStreamListenerIntegrationTests} and
 * {@code NatsJetStreamProvisioningIntegrationTests}.
 */
@EmbeddedNats(config = "max_payload: 4096")
class BadInputReliabilityTests {

	private static final int GOOD = 200;

	private static final Headers JSON = new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json");

	private static final List<byte[]> BAD_PAYLOADS = List.of(bytes("{not json"),
			bytes("{\"id\":\"x\",\"quantity\":\"many\"}"), new byte[0], bytes("[1,2,3]"));

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection admin;

	private JetStreamManagement management;

	BadInputReliabilityTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s", "nats.listener.jetstream.backoff=100ms");
	}

	@BeforeEach
	void createStreams() throws Exception {
		this.admin = Nats.connect(this.server.getUrl());
		this.management = this.admin.jetStreamManagement();
		TestStreams.reset(this.management, TestStreams.fileStream("BAD", "bad.orders.>"),
				TestStreams.fileStream("DLQ", "dlq.>"));
	}

	@AfterEach
	void closeAdmin() throws InterruptedException {
		this.admin.close();
	}

	@Test
	void badPayloadsAndRefusedCallsAmongGoodMessagesAreRejectedClearlyAndNoGoodMessageIsLost() {
		this.contextRunner.withUserConfiguration(StreamListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			StreamListener listener = context.getBean(StreamListener.class);
			int badPayloads = 0;
			int refusedCalls = 0;
			for (int i = 0; i < GOOD; i++) {
				template.publishToStream("bad.orders.created", new Order("o-" + i, i));
				if (i % 10 == 0) {
					template.publishToStream("bad.orders.created", BAD_PAYLOADS.get(badPayloads % BAD_PAYLOADS.size()),
							JSON, null);
					badPayloads++;
					refusedCalls += refusedCalls(template);
				}
			}
			int expectedDeadLetters = badPayloads;
			await().atMost(Duration.ofSeconds(30))
				.until(() -> listener.processed.size() == GOOD && deadLetters() == expectedDeadLetters);
			List<String> reasons = new ArrayList<>();
			for (long sequence = 1; sequence <= expectedDeadLetters; sequence++) {
				MessageInfo dead = this.management.getMessage("DLQ", sequence);
				reasons.add(dead.getHeaders().getFirst(NatsHeaders.DLQ_REASON) + " after "
						+ dead.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT));
			}
			boolean running = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("bad-orders")
				.isRunning();
			ReliabilityFigures.report("bad payloads and refused calls among good messages (JetStream listener)",
					"sent %d good + %d bad payloads, %d refused calls / processed %d / dead-lettered %d at first "
							+ "delivery / lost 0 / duplicates %d; listener running: %s",
					GOOD, badPayloads, refusedCalls, listener.processed.size(), expectedDeadLetters,
					listener.invocations.get() - listener.processed.size(), running);
			assertThat(reasons).containsOnly("not-convertible after 1");
			assertThat(listener.processed).hasSize(GOOD);
			assertThat(running).isTrue();
		});
	}

	@Test
	void badPayloadsToACoreListenerGetAnErrorReplyAndTheListenerKeepsAnswering() {
		this.contextRunner.withUserConfiguration(QuoteListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			int answered = 0;
			Map<Integer, Integer> errorCodes = new ConcurrentHashMap<>();
			int rounds = 25;
			for (int i = 0; i < rounds; i++) {
				Quote quote = template.request("bad.quote", new Order("o-" + i, i), Quote.class);
				assertThat(quote.orderId()).isEqualTo("o-" + i);
				answered++;
				byte[] bad = BAD_PAYLOADS.get(i % BAD_PAYLOADS.size());
				assertThatExceptionOfType(NatsServiceErrorException.class)
					.isThrownBy(() -> template.request("bad.quote", bad, JSON, Quote.class, Duration.ofSeconds(5)))
					.satisfies((ex) -> errorCodes.merge(ex.getCode(), 1, Integer::sum));
			}
			ReliabilityFigures.report("bad payloads to a core request/reply listener",
					"sent %d good + %d bad requests / answered %d / error replies by code %s / timeouts 0", rounds,
					rounds, answered, errorCodes);
			assertThat(errorCodes).containsOnlyKeys(400);
			assertThat(context.getBean(QuoteListener.class).invocations).hasValue(rounds);
		});
	}

	private static int refusedCalls(NatsTemplate template) {
		Order order = new Order("refused", 0);
		assertThatIllegalArgumentException().isThrownBy(() -> template.publishToStream("bad.orders.with space", order))
			.withMessageContaining("bad.orders.with space");
		assertThatIllegalArgumentException().isThrownBy(() -> template.publish("bad.orders.*", order))
			.withMessageContaining("bad.orders.*");
		assertThatExceptionOfType(NatsPayloadTooLargeException.class)
			.isThrownBy(() -> template.publishToStream("bad.orders.created", "x".repeat(5000)))
			.withMessageContaining("4096");
		return 3;
	}

	private long deadLetters() throws Exception {
		return this.management.getStreamInfo("DLQ").getStreamState().getMsgCount();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Order(String id, int quantity) {
	}

	record Quote(String orderId, double price) {
	}

	@Configuration(proxyBeanMethods = false)
	static class StreamListener {

		final Set<String> processed = ConcurrentHashMap.newKeySet();

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(id = "bad-orders", stream = "BAD", subjects = "bad.orders.>", concurrency = "2")
		void onOrder(Order order) {
			this.invocations.incrementAndGet();
			this.processed.add(order.id());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QuoteListener {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsListener(id = "quotes", subjects = "bad.quote")
		Quote quote(Order order) {
			this.invocations.incrementAndGet();
			return new Quote(order.id(), order.quantity() * 1.5);
		}

	}

}
