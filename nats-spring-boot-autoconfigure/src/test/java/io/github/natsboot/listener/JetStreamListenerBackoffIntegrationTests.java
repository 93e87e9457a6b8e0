package io.github.natsboot.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JetStream listener that always throws is redelivered after the delays of its backoff,
 * measured between the listener's invocations on a real server: the listener's own
 * {@code backoff} comes before the consumer's backoff, which comes before
 * {@code nats.listener.jetstream.backoff}, and the last delay repeats once the list runs
 * out. Each delay must be at least the configured one (less 20 ms) and less than it plus
 * 700 ms; the backoffs a test must not use are 1.5 s or more, so that taking the wrong one
 * fails. After the max deliveries the message is dead-lettered and not delivered again.
 */
@EmbeddedNats
class JetStreamListenerBackoffIntegrationTests {

	private static final long EARLY_TOLERANCE_MILLIS = 20;

	private static final long LATE_TOLERANCE_MILLIS = 700;

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection admin;

	private JetStreamManagement management;

	JetStreamListenerBackoffIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class))
			.withBean(NatsListenerErrorHandler.class, () -> (message, exception) -> null)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s", "nats.listener.jetstream.backoff=2s",
					"nats.listener.jetstream.max-deliver=3");
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
	void theListenersBackoffComesBeforeTheConsumersAndTheDefault() throws Exception {
		this.management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("slow-retries")
			.filterSubject("orders.listener")
			.ackPolicy(AckPolicy.Explicit)
			.maxDeliver(3)
			.backoff(Duration.ofMillis(1500), Duration.ofMillis(2300))
			.build());
		this.contextRunner.withUserConfiguration(ListenerBackoff.class).run((context) -> {
			List<Long> delays = failUntilDeadLettered(context, "orders.listener", "dlq.ORDERS.slow-retries",
					context.getBean(ListenerBackoff.class).invocations, 3);
			assertDelays("listener backoff {200ms, 1s} over consumer backoff 1500ms,2300ms", delays, 200, 1000);
		});
	}

	@Test
	void theConsumersOwnBackoffComesBeforeTheDefault() {
		String stream = "nats.jetstream.streams.RETRIES";
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(NatsJetStreamAutoConfiguration.class))
			.withUserConfiguration(ConsumerBackoff.class)
			.withPropertyValues(stream + ".subjects=retries.>", stream + ".consumers.declared.filter-subjects=retries.one",
					stream + ".consumers.declared.max-deliver=3", stream + ".consumers.declared.backoff=100ms,1200ms")
			.run((context) -> {
				List<Long> delays = failUntilDeadLettered(context, "retries.one", "dlq.RETRIES.declared",
						context.getBean(ConsumerBackoff.class).invocations, 3);
				assertDelays("consumer backoff 100ms,1200ms over nats.listener.jetstream.backoff=2s", delays, 100,
						1200);
			});
	}

	@Test
	void withoutAListenerOrConsumerBackoffThePropertyApplies() {
		this.contextRunner.withUserConfiguration(DefaultBackoff.class)
			.withPropertyValues("nats.listener.jetstream.backoff=250ms,550ms")
			.run((context) -> {
				List<Long> delays = failUntilDeadLettered(context, "orders.default", "dlq.ORDERS.default-backoff",
						context.getBean(DefaultBackoff.class).invocations, 3);
				assertDelays("nats.listener.jetstream.backoff=250ms,550ms", delays, 250, 550);
			});
	}

	@Test
	void theLastDelayRepeatsOnceTheBackoffRunsOut() {
		this.contextRunner.withUserConfiguration(RepeatingBackoff.class)
			.withPropertyValues("nats.listener.jetstream.max-deliver=5")
			.run((context) -> {
				List<Long> delays = failUntilDeadLettered(context, "orders.repeating", "dlq.ORDERS.repeating",
						context.getBean(RepeatingBackoff.class).invocations, 5);
				assertDelays("listener backoff {150ms, 400ms}, max deliver 5", delays, 150, 400, 400, 400);
			});
	}

	private List<Long> failUntilDeadLettered(ConfigurableApplicationContext context, String subject,
			String deadLetterSubject, List<Long> invocations, int maxDeliver) throws Exception {
		context.getBean(NatsTemplate.class).publishToStream(subject, "always fails");
		await().atMost(Duration.ofSeconds(20)).until(() -> lastDeadLetter(deadLetterSubject) != null);
		MessageInfo deadLetter = lastDeadLetter(deadLetterSubject);
		assertThat(deadLetter.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT))
			.isEqualTo(Integer.toString(maxDeliver));
		assertThat(invocations).as("invocations until the dead letter").hasSize(maxDeliver);
		List<Long> delays = new ArrayList<>();
		for (int i = 1; i < invocations.size(); i++) {
			delays.add(Duration.ofNanos(invocations.get(i) - invocations.get(i - 1)).toMillis());
		}
		return delays;
	}

	private MessageInfo lastDeadLetter(String subject) throws Exception {
		try {
			return this.management.getLastMessage("DLQ", subject);
		}
		catch (JetStreamApiException ex) {
			return null;
		}
	}

	private static void assertDelays(String backoff, List<Long> measured, long... configured) {
		System.out.printf("Redelivery delays with %s: measured %s ms, configured %s ms%n", backoff, measured,
				Arrays.toString(configured));
		assertThat(measured).as("delays between deliveries").hasSize(configured.length);
		for (int i = 0; i < configured.length; i++) {
			assertThat(measured.get(i)).as("delay before delivery %d with %s (measured %s ms)", i + 2, backoff, measured)
				.isGreaterThanOrEqualTo(configured[i] - EARLY_TOLERANCE_MILLIS)
				.isLessThan(configured[i] + LATE_TOLERANCE_MILLIS);
		}
	}

	private static void fail(List<Long> invocations) {
		invocations.add(System.nanoTime());
		throw new IllegalStateException("always fails");
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerBackoff {

		final List<Long> invocations = new CopyOnWriteArrayList<>();

		@NatsListener(stream = "ORDERS", consumer = "slow-retries", backoff = { "200ms", "1s" })
		void onOrder(String order) {
			fail(this.invocations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConsumerBackoff {

		final List<Long> invocations = new CopyOnWriteArrayList<>();

		@NatsListener(stream = "RETRIES", consumer = "declared")
		void onRetry(String retry) {
			fail(this.invocations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DefaultBackoff {

		final List<Long> invocations = new CopyOnWriteArrayList<>();

		@NatsListener(id = "default-backoff", stream = "ORDERS", subjects = "orders.default")
		void onOrder(String order) {
			fail(this.invocations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RepeatingBackoff {

		final List<Long> invocations = new CopyOnWriteArrayList<>();

		@NatsListener(id = "repeating", stream = "ORDERS", subjects = "orders.repeating",
				backoff = { "150ms", "400ms" })
		void onOrder(String order) {
			fail(this.invocations);
		}

	}

}
