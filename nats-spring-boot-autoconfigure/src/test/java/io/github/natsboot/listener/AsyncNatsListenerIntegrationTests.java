package io.github.natsboot.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Core {@code @NatsListener} methods that return a {@code CompletableFuture} or a
 * {@code Mono} answer requests when the result completes, with an error reply when it
 * fails, hold at most their concurrency of results at once, are timed until completion,
 * and are waited for, within the stop timeout, when the listener stops.
 */
@EmbeddedNats(jetStream = false)
class AsyncNatsListenerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection requester;

	AsyncNatsListenerIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(AsyncListeners.class)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s");
	}

	@BeforeEach
	void connect() throws Exception {
		this.requester = Nats.connect(this.server.getUrl());
	}

	@AfterEach
	void close() throws InterruptedException {
		this.requester.close();
	}

	@Test
	void aCompletableFutureAnswersTheRequestOnceItCompletes() {
		this.contextRunner.run((context) -> {
			CompletableFuture<Message> reply = this.requester.request("future.later", bytes("hello"));
			CompletableFuture<String> result = pending(context).poll(5, TimeUnit.SECONDS);
			assertThat(result).isNotNull();
			Thread.sleep(200);
			assertThat(reply).isNotDone();
			result.complete("HELLO");
			assertThat(text(reply.get(5, TimeUnit.SECONDS))).isEqualTo("HELLO");
		});
	}

	@Test
	void aMonoAnswersTheRequestWithItsValueConvertedLikeASynchronousReturn() {
		this.contextRunner.run((context) -> {
			Quote quote = context.getBean(NatsTemplate.class).request("mono.quote", "o-1", Quote.class, TIMEOUT);
			assertThat(quote).isEqualTo(new Quote("o-1", 42));
		});
	}

	@Test
	void aFailedFutureAnswersWithAnErrorReplyAfterTheErrorHandlerHasSeenIt() {
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> context.getBean(NatsTemplate.class)
					.request("future.failing", "o-2", String.class, TIMEOUT))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(500);
					assertThat(ex.getDescription()).contains("cannot quote o-2");
				});
			assertThat(context.getBean(RecordingErrorHandler.class).failures).singleElement()
				.satisfies((failure) -> assertThat(failure.getCause()).hasMessage("cannot quote o-2"));
		});
	}

	@Test
	void aFailedMonoAnswersWithTheCodeOfItsServiceError() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(NatsServiceErrorException.class)
			.isThrownBy(() -> context.getBean(NatsTemplate.class).request("mono.missing", "o-3", String.class, TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(404);
				assertThat(ex.getDescription()).isEqualTo("no quote for o-3");
			}));
	}

	@Test
	void anEmptyMonoAnswersWithAnEmptyReplyLikeANullReturn() {
		this.contextRunner.run((context) -> {
			Message reply = this.requester.request("mono.empty", bytes("x")).get(5, TimeUnit.SECONDS);
			assertThat(reply.getData()).isEmpty();
			assertThat(reply.getHeaders() == null || reply.getHeaders().get(NatsHeaders.SERVICE_ERROR) == null)
				.isTrue();
		});
	}

	@Test
	void aFluxIsRejectedWhenTheListenerIsRegistered() {
		this.contextRunner.withUserConfiguration(FluxListener.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("returns Flux, which can complete with many values"));
	}

	@Test
	void aListenerWithConcurrencyTwoHoldsAtMostTwoIncompleteResults() {
		this.contextRunner.run((context) -> {
			AsyncListeners listeners = context.getBean(AsyncListeners.class);
			for (int i = 0; i < 3; i++) {
				this.requester.publish("future.bounded", bytes("m-" + i));
			}
			await().atMost(TIMEOUT).until(() -> listeners.bounded.size() == 2);
			Thread.sleep(500);
			assertThat(listeners.bounded).hasSize(2);
			listeners.bounded.get(0).complete(null);
			await().atMost(TIMEOUT).until(() -> listeners.bounded.size() == 3);
			listeners.bounded.forEach((future) -> future.complete(null));
		});
	}

	@Test
	void theProcessingTimerRecordsWhenTheResultCompletesNotWhenTheMethodReturns() {
		this.contextRunner.run((context) -> {
			CompletableFuture<Message> reply = this.requester.request("future.later", bytes("timed"));
			CompletableFuture<String> result = pending(context).poll(5, TimeUnit.SECONDS);
			Timer timer = context.getBean(MeterRegistry.class)
				.get(MicrometerNatsListenerMetricsFactory.PROCESS)
				.tag("listener.id", "later")
				.tag("outcome", "success")
				.timer();
			Thread.sleep(300);
			assertThat(timer.count()).isZero();
			result.complete("TIMED");
			reply.get(5, TimeUnit.SECONDS);
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(timer.count()).isOne());
			assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
		});
	}

	@Test
	void theObservationStopsWhenTheResultCompletes() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> observations)
			.withPropertyValues("nats.listener.observation-enabled=true")
			.run((context) -> {
				CompletableFuture<Message> reply = this.requester.request("future.later", bytes("observed"));
				CompletableFuture<String> result = pending(context).poll(5, TimeUnit.SECONDS);
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("nats.listener")
					.that()
					.hasBeenStarted()
					.isNotStopped();
				result.completeExceptionally(new IllegalStateException("observed failure"));
				reply.get(5, TimeUnit.SECONDS);
				await().atMost(TIMEOUT)
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(observations)
						.hasObservationWithNameEqualTo("nats.listener")
						.that()
						.hasBeenStopped()
						.assertThatError()
						.hasMessage("observed failure"));
			});
	}

	@Test
	void stoppingWaitsForAnOutstandingResultAndItsReplyStillGoesOut() throws Exception {
		CompletableFuture<Message> reply = new CompletableFuture<>();
		this.contextRunner.run((context) -> {
			this.requester.request("future.later", bytes("bye")).whenComplete((message, ex) -> reply.complete(message));
			CompletableFuture<String> result = pending(context).poll(5, TimeUnit.SECONDS);
			CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(() -> result.complete("BYE"));
		});
		assertThat(text(reply.get(5, TimeUnit.SECONDS))).isEqualTo("BYE");
	}

	@Test
	void aResultThatNeverCompletesDoesNotHoldTheStopPastTheStopTimeout() {
		this.contextRunner.withPropertyValues("nats.listener.stop-timeout=1s").run((context) -> {
			this.requester.publish("future.later", bytes("never"));
			assertThat(pending(context).poll(5, TimeUnit.SECONDS)).isNotNull();
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("later");
			long start = System.nanoTime();
			container.stop();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
					Duration.ofSeconds(3));
		});
	}

	@Test
	void resultsAStoppedListenerGaveUpOnDoNotTakeTheRoomOfTheRestartedOne() {
		this.contextRunner.withPropertyValues("nats.listener.stop-timeout=500ms").run((context) -> {
			AsyncListeners listeners = context.getBean(AsyncListeners.class);
			this.requester.publish("future.bounded", bytes("m-0"));
			this.requester.publish("future.bounded", bytes("m-1"));
			await().atMost(TIMEOUT).until(() -> listeners.bounded.size() == 2);
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("bounded");
			container.stop();
			container.start();
			this.requester.publish("future.bounded", bytes("m-2"));
			this.requester.publish("future.bounded", bytes("m-3"));
			await().atMost(TIMEOUT).until(() -> listeners.bounded.size() == 4);
		});
	}

	@Test
	void aStoppingListenerAnswersARequestStillWaitingForRoomWithAnError() {
		this.contextRunner.withPropertyValues("nats.listener.stop-timeout=1s").run((context) -> {
			AsyncListeners listeners = context.getBean(AsyncListeners.class);
			this.requester.publish("future.bounded", bytes("m-0"));
			this.requester.publish("future.bounded", bytes("m-1"));
			CompletableFuture<Message> waiting = this.requester.request("future.bounded", bytes("m-2"));
			await().atMost(TIMEOUT).until(() -> listeners.bounded.size() == 2);
			context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("bounded").stop();
			Message reply = waiting.get(5, TimeUnit.SECONDS);
			assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR_CODE)).isEqualTo("503");
			assertThat(listeners.bounded).hasSize(2);
		});
	}

	private static BlockingQueue<CompletableFuture<String>> pending(ConfigurableApplicationContext context) {
		return context.getBean(AsyncListeners.class).later;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Message message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}

	record Quote(String order, int total) {
	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncListeners {

		final BlockingQueue<CompletableFuture<String>> later = new LinkedBlockingQueue<>();

		final List<CompletableFuture<Void>> bounded = new CopyOnWriteArrayList<>();

		@Bean
		RecordingErrorHandler recordingErrorHandler() {
			return new RecordingErrorHandler();
		}

		@NatsListener(id = "later", subjects = "future.later")
		CompletableFuture<String> later(String body) {
			CompletableFuture<String> result = new CompletableFuture<>();
			this.later.add(result);
			return result;
		}

		@NatsListener(id = "quote", subjects = "mono.quote")
		Mono<Quote> quote(String order) {
			return Mono.just(new Quote(order, 42)).delayElement(Duration.ofMillis(50));
		}

		@NatsListener(id = "failing", subjects = "future.failing")
		CompletableFuture<String> failing(String order) {
			return CompletableFuture.supplyAsync(() -> {
				throw new IllegalStateException("cannot quote " + order);
			});
		}

		@NatsListener(id = "missing", subjects = "mono.missing")
		Mono<String> missing(String order) {
			return Mono.error(new NatsServiceErrorException("mono.missing", 404, "no quote for " + order));
		}

		@NatsListener(id = "empty", subjects = "mono.empty")
		Mono<String> empty(String body) {
			return Mono.empty();
		}

		@NatsListener(id = "bounded", subjects = "future.bounded", concurrency = "2")
		CompletableFuture<Void> bounded(String body) {
			CompletableFuture<Void> result = new CompletableFuture<>();
			this.bounded.add(result);
			return result;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FluxListener {

		@NatsListener(id = "flux", subjects = "flux")
		Flux<String> many(String body) {
			return Flux.just(body, body);
		}

	}

	static class RecordingErrorHandler implements NatsListenerErrorHandler {

		final List<NatsListenerExecutionFailedException> failures = new CopyOnWriteArrayList<>();

		@Override
		public Object handleError(Message message, NatsListenerExecutionFailedException exception) {
			this.failures.add(exception);
			return null;
		}

	}

}
