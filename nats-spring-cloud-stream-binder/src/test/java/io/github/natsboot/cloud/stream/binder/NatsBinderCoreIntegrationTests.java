package io.github.natsboot.cloud.stream.binder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.natsboot.health.NatsHealthIndicator;
import io.github.natsboot.test.EmbeddedNats;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A function bound to core NATS subjects through the {@code nats} binder, against a real
 * server.
 */
@SpringBootTest(classes = NatsBinderCoreIntegrationTests.ShoutApplication.class,
		properties = { "spring.cloud.function.definition=shout",
				"spring.cloud.stream.bindings.shout-in-0.destination=words",
				"spring.cloud.stream.bindings.shout-in-0.group=shouters",
				"spring.cloud.stream.bindings.shout-in-0.consumer.max-attempts=3",
				"spring.cloud.stream.bindings.shout-in-0.consumer.back-off-initial-interval=10",
				"spring.cloud.stream.bindings.shout-out-0.destination=shouted" })
@EmbeddedNats(jetStream = false)
class NatsBinderCoreIntegrationTests {

	@Autowired
	Connection connection;

	@Autowired
	ShoutApplication application;

	@Autowired
	BindingsLifecycleController bindings;

	@Autowired
	NatsHealthIndicator health;

	@Autowired
	@Qualifier("errorChannel")
	SubscribableChannel errorChannel;

	private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private Subscription subscribe(String subject) {
		Subscription subscription = this.connection.subscribe(subject);
		this.subscriptions.add(subscription);
		return subscription;
	}

	/**
	 * A synchronous subscription with messages nobody reads would hold up the
	 * connection's drain when the context closes.
	 */
	@AfterEach
	void unsubscribe() {
		this.subscriptions.forEach(Subscription::unsubscribe);
	}

	@Test
	void functionReceivesFromItsDestinationAndPublishesItsResultWithTheHeadersMappedBothWays() throws Exception {
		Subscription shouted = subscribe("shouted");
		this.connection.flush(Duration.ofSeconds(2));
		Headers headers = new Headers().add("trace-id", "t-1").add("Content-Type", "text/plain");
		this.connection.publish("words", headers, "hello".getBytes(StandardCharsets.UTF_8));

		Message reply = shouted.nextMessage(Duration.ofSeconds(10));

		assertThat(reply).isNotNull();
		assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("HELLO");
		assertThat(reply.getHeaders().getFirst("trace-id")).isEqualTo("t-1");
		assertThat(reply.getHeaders().getFirst("Content-Type")).startsWith("text/plain");
		org.springframework.messaging.Message<?> received = this.application.received.stream()
			.filter((message) -> message.getPayload().equals("hello"))
			.findFirst()
			.orElseThrow();
		assertThat(received.getHeaders()).containsEntry("trace-id", "t-1")
			.containsEntry("nats_receivedSubject", "words");
		assertThat(received.getHeaders().get(MessageHeaders.CONTENT_TYPE).toString()).startsWith("text/plain");
	}

	@Test
	void theGroupIsAQueueGroupThatSharesTheDestinationWithOtherMembers() throws Exception {
		AtomicInteger otherMember = new AtomicInteger();
		var dispatcher = this.connection.createDispatcher((message) -> otherMember.incrementAndGet());
		dispatcher.subscribe("words", "shouters");
		this.connection.flush(Duration.ofSeconds(2));
		int before = this.application.received.size();
		try {
			for (int i = 0; i < 200; i++) {
				this.connection.publish("words", ("share-" + i).getBytes(StandardCharsets.UTF_8));
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> otherMember.get() + (this.application.received.size() - before) == 200);
			assertThat(otherMember.get()).isBetween(1, 199);
		}
		finally {
			this.connection.closeDispatcher(dispatcher);
		}
	}

	@Test
	void aFailingFunctionIsRetriedInProcessAndThenItsFailureGoesToTheErrorChannel() {
		BlockingQueue<ErrorMessage> errors = new LinkedBlockingQueue<>();
		org.springframework.messaging.MessageHandler handler = (message) -> errors.add((ErrorMessage) message);
		this.errorChannel.subscribe(handler);
		try {
			int attemptsBefore = this.application.failures.get();
			this.connection.publish("words", "fail".getBytes(StandardCharsets.UTF_8));

			ErrorMessage error = errors.poll(10, TimeUnit.SECONDS);

			assertThat(error).isNotNull();
			assertThat(error.getPayload()).hasRootCauseMessage("refusing to shout 'fail'");
			assertThat(this.application.failures.get() - attemptsBefore).isEqualTo(3);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		finally {
			this.errorChannel.unsubscribe(handler);
		}
	}

	@Test
	void aPausedBindingReceivesNothingUntilItIsResumed() throws Exception {
		Subscription shouted = subscribe("shouted");
		this.connection.flush(Duration.ofSeconds(2));
		this.bindings.changeState("shout-in-0", State.PAUSED);
		try {
			this.connection.publish("words", "paused".getBytes(StandardCharsets.UTF_8));
			assertThat(shouted.nextMessage(Duration.ofMillis(500))).isNull();
			assertThat(this.bindings.queryState("shout-in-0")).extracting("state").containsExactly("paused");
		}
		finally {
			this.bindings.changeState("shout-in-0", State.RESUMED);
		}
		this.connection.publish("words", "resumed".getBytes(StandardCharsets.UTF_8));
		Message reply = shouted.nextMessage(Duration.ofSeconds(10));
		assertThat(reply).isNotNull();
		assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("RESUMED");
	}

	@Test
	void theStartersHealthReportsEachBindingAsAListenerWithItsState() {
		assertThat(this.health.health().getDetails().get("listeners")).isInstanceOfSatisfying(Map.class,
				(listeners) -> assertThat(listeners).containsEntry("shout-in-0", "running"));
		this.bindings.changeState("shout-in-0", State.PAUSED);
		try {
			Health health = this.health.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("listeners")).isInstanceOfSatisfying(Map.class,
					(listeners) -> assertThat(listeners).containsEntry("shout-in-0", "paused"));
		}
		finally {
			this.bindings.changeState("shout-in-0", State.RESUMED);
		}
	}

	@Test
	void aStoppedBindingUnsubscribesAndAStartedOneSubscribesAgain() throws Exception {
		Subscription shouted = subscribe("shouted");
		this.connection.flush(Duration.ofSeconds(2));
		this.bindings.changeState("shout-in-0", State.STOPPED);
		try {
			this.connection.publish("words", "stopped".getBytes(StandardCharsets.UTF_8));
			assertThat(shouted.nextMessage(Duration.ofMillis(500))).isNull();
		}
		finally {
			this.bindings.changeState("shout-in-0", State.STARTED);
		}
		this.connection.publish("words", "started".getBytes(StandardCharsets.UTF_8));
		Message reply = shouted.nextMessage(Duration.ofSeconds(10));
		assertThat(reply).isNotNull();
		assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("STARTED");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ShoutApplication {

		final List<org.springframework.messaging.Message<?>> received = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		@Bean
		Function<org.springframework.messaging.Message<String>, org.springframework.messaging.Message<String>> shout() {
			return (message) -> {
				if (message.getPayload().equals("fail")) {
					this.failures.incrementAndGet();
					throw new IllegalStateException("refusing to shout 'fail'");
				}
				this.received.add(message);
				return MessageBuilder.withPayload(message.getPayload().toUpperCase(Locale.ROOT))
					.copyHeaders(message.getHeaders())
					.build();
			};
		}

	}

}
