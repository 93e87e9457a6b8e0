package io.github.natsboot.sample.reactive;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.github.natsboot.listener.NatsListenerContainer;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.test.EmbeddedNats;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive sample end to end on a real {@code nats-server}, through its HTTP API on a
 * random port. Ticks are published every 100 ms. BlockHound, installed with the
 * integrations on the class path (Reactor's and Netty's), fails any blocking call on a
 * Netty event loop or Reactor thread; the one wait allowed is jnats queueing an outgoing
 * message ({@code WriterMessageQueue.push}, see docs/reactive.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.quotes.timeout=500ms", "sample.ticks.interval=100ms" })
@AutoConfigureWebTestClient
@EmbeddedNats
class ReactiveSampleApplicationIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	static {
		BlockHound.install((builder) -> builder.allowBlockingCallsInside("io.nats.client.impl.WriterMessageQueue",
				"push"));
	}

	@Autowired
	private WebTestClient http;

	@Autowired
	private NatsListenerEndpointRegistry registry;

	@Autowired
	private Connection connection;

	@Test
	void aQuoteIsTheListenersAnswer() {
		this.http.get()
			.uri("/quotes/nats")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.symbol")
			.isEqualTo("NATS")
			.jsonPath("$.price")
			.isNumber()
			.jsonPath("$.quotedAt")
			.exists();
	}

	@Test
	void anUnknownSymbolIsABadGatewayWithTheWorkersMessage() {
		this.http.get()
			.uri("/quotes/gold")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Worker error")
			.jsonPath("$.serviceErrorCode")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).startsWith("Unknown symbol 'gold'"));
	}

	@Test
	void withTheListenerStoppedAQuoteIsServiceUnavailable() {
		NatsListenerContainer worker = this.registry.getListenerContainer(Quotes.WORKER_ID);
		worker.stop();
		try {
			this.http.get()
				.uri("/quotes/nats")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("No worker available")
				.jsonPath("$.subject")
				.isEqualTo(Quotes.SUBJECT);
		}
		finally {
			worker.start();
		}
	}

	@Test
	void aWorkerThatNeverAnswersIsAGatewayTimeout() {
		NatsListenerContainer worker = this.registry.getListenerContainer(Quotes.WORKER_ID);
		worker.stop();
		Dispatcher silent = this.connection.createDispatcher((message) -> {
		});
		try {
			silent.subscribe(Quotes.SUBJECT);
			this.http.get()
				.uri("/quotes/nats")
				.exchange()
				.expectStatus()
				.isEqualTo(504)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Worker timeout");
		}
		finally {
			this.connection.closeDispatcher(silent);
			worker.start();
		}
	}

	@Test
	void theStreamSendsTheScheduledTicksAsServerSentEvents() {
		StepVerifier.create(ticks().take(3))
			.expectNextCount(3)
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void aPostedTickIsStreamedToSubscribers() {
		Flux<Quote> posted = ticks().filter((tick) -> "TEST".equals(tick.symbol())).take(1);
		// post until the stream, subscribed concurrently, has seen one
		Disposable poster = Flux.interval(Duration.ofMillis(100))
			.publishOn(Schedulers.boundedElastic())
			.subscribe((i) -> this.http.post()
				.uri("/quotes/ticks")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("symbol", "TEST", "price", 42.5))
				.exchange()
				.expectStatus()
				.isAccepted());
		try {
			StepVerifier.create(posted)
				.assertNext((tick) -> {
					assertThat(tick.price()).isEqualByComparingTo(new BigDecimal("42.5"));
					assertThat(tick.quotedAt()).isNotNull();
				})
				.expectComplete()
				.verify(WAIT);
		}
		finally {
			poster.dispose();
		}
	}

	@Test
	void healthIsUpWithTheNatsConnection() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.nats.status")
			.isEqualTo("UP");
	}

	private Flux<Quote> ticks() {
		return this.http.get()
			.uri("/quotes/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Quote.class)
			.getResponseBody();
	}

}
