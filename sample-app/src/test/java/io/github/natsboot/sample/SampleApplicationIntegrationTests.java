package io.github.natsboot.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.natsboot.leader.NatsLeaderElection;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.sample.quote.QuoteController;
import io.github.natsboot.sample.quote.Quotes;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsCluster;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample end to end on a real {@code nats-server}: this context plays both roles
 * (instance {@code worker-1}) and a second context plays the worker role only
 * ({@code worker-2}), as two instances run side by side. The context is closed after the
 * class, while its server still runs, rather than at JVM exit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.instance-id=worker-1", "sample.quotes.timeout=1s", "sample.summary.interval=500ms",
				"nats.listener.jetstream.backoff=100ms" })
@EmbeddedNats
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class SampleApplicationIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private NatsCluster nats;

	@Autowired
	private Connection connection;

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private NatsListenerEndpointRegistry registry;

	@Autowired
	private NatsLeaderElection election;

	@Value("${local.server.port}")
	private int port;

	private ConfigurableApplicationContext secondWorker;

	private RestClient http;

	@BeforeAll
	void startSecondWorker() {
		this.secondWorker = new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.profiles(SampleInstance.WORKER)
			.run("--nats.servers=" + this.nats.getUrls(), "--sample.instance-id=worker-2",
					"--sample.summary.interval=500ms", "--nats.listener.jetstream.backoff=100ms");
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@AfterAll
	void stopSecondWorker() {
		if (this.secondWorker != null) {
			this.secondWorker.close();
		}
	}

	@Test
	void secondInstancePlaysTheWorkerRoleOnly() {
		assertThat(this.secondWorker.getBean(SampleInstance.class).getRoles()).containsExactly(SampleInstance.WORKER);
		assertThat(this.secondWorker.getBeanNamesForType(QuoteController.class))
			.isEmpty();
	}

	@Test
	void quotesAreSharedByBothWorkersAndNameTheWorkerThatAnswered() {
		Set<String> workers = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			ResponseEntity<JsonNode> response = post("/api/quotes", Map.of("symbol", "nats", "quantity", 3));
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			JsonNode quote = response.getBody();
			assertThat(quote.get("symbol").asString()).isEqualTo("NATS");
			assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("37.50");
			workers.add(quote.get("worker").asString());
		}
		assertThat(workers).containsExactlyInAnyOrder("worker-1", "worker-2");
		JsonNode stats = get("/api/stats").getBody();
		assertThat(stats.get("instance").asString()).isEqualTo("worker-1");
		assertThat(stats.get("quotesAnsweredBy").get("worker-1").asLong()
				+ stats.get("quotesAnsweredBy").get("worker-2").asLong())
			.isGreaterThanOrEqualTo(20);
		assertThat(stats.get("counters").get("quotesAnswered").asLong()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void workerErrorsBecomeHttpErrorsCarryingTheWorkersMessage() {
		ResponseEntity<JsonNode> unknown = post("/api/quotes", Map.of("symbol", "gold", "quantity", 1));
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody().get("detail").asString()).startsWith("Unknown symbol 'GOLD'");
		assertThat(unknown.getBody().get("serviceErrorCode").asInt()).isEqualTo(404);

		ResponseEntity<JsonNode> tooMany = post("/api/quotes", Map.of("symbol", "KV", "quantity", 20_000));
		assertThat(tooMany.getStatusCode().value()).isEqualTo(422);
		assertThat(tooMany.getBody().get("detail").asString())
			.isEqualTo("Quantity 20000 exceeds the maximum of 10000 per quote");
	}

	@Test
	void logsAreShippedToTheSubjectOfTheirLevel() throws Exception {
		Subscription warnings = this.connection.subscribe("logs.sample.warn");
		this.connection.flush(WAIT);
		post("/api/quotes", Map.of("symbol", "gold", "quantity", 1));
		String refusal = null;
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (refusal == null && System.nanoTime() < deadline) {
			Message message = warnings.nextMessage(Duration.ofSeconds(1));
			if (message != null) {
				String json = new String(message.getData(), StandardCharsets.UTF_8);
				refusal = json.contains("Unknown symbol 'GOLD'") ? json : null;
			}
		}
		warnings.unsubscribe();
		assertThat(refusal).as("the worker's WARN line on logs.sample.warn").isNotNull();
		JsonNode event = this.jsonMapper.readTree(refusal);
		assertThat(event.get("level").asString()).isEqualTo("WARN");
		assertThat(event.get("logger").asString()).isEqualTo(SampleListenerErrorHandler.class.getName());
	}

	@Test
	void invalidRequestsAreRejectedNamingTheInvalidFields() {
		ResponseEntity<JsonNode> badQuote = post("/api/quotes", Map.of("symbol", "n4ts!", "quantity", 0));
		assertThat(badQuote.getStatusCode().value()).isEqualTo(400);
		assertThat(badQuote.getBody().get("errors").toString()).contains("symbol: must be 1 to 16 letters")
			.contains("quantity: must be greater than 0");
		ResponseEntity<JsonNode> badOrder = post("/api/orders", Map.of("id", "a b", "item", "NATS", "quantity", 1));
		assertThat(badOrder.getStatusCode().value()).isEqualTo(400);
		assertThat(badOrder.getBody().get("errors").toString()).contains("id: must be 1 to 64 letters");
		ResponseEntity<JsonNode> badLimit = get("/api/orders/dlq?limit=0");
		assertThat(badLimit.getStatusCode().value()).isEqualTo(400);
		assertThat(badLimit.getBody().get("errors").toString()).contains("limit: must be greater than or equal to 1");
	}

	@Test
	void quotesGetServiceUnavailableWithoutWorkersAndGatewayTimeoutWhenNoWorkerAnswers() throws Exception {
		List<NatsListenerEndpointRegistry> registries = List.of(this.registry,
				this.secondWorker.getBean(NatsListenerEndpointRegistry.class));
		registries.forEach((registry) -> registry.getListenerContainer("quote-worker").stop());
		try {
			ResponseEntity<JsonNode> noWorker = post("/api/quotes", Map.of("symbol", "NATS", "quantity", 1));
			assertThat(noWorker.getStatusCode().value()).isEqualTo(503);
			assertThat(noWorker.getBody().get("detail").asString()).contains(Quotes.SUBJECT);

			Subscription silentWorker = this.connection.subscribe(Quotes.SUBJECT, Quotes.QUEUE_GROUP);
			this.connection.flush(WAIT);
			try {
				ResponseEntity<JsonNode> timeout = post("/api/quotes", Map.of("symbol", "NATS", "quantity", 1));
				assertThat(timeout.getStatusCode().value()).isEqualTo(504);
				assertThat(timeout.getBody().get("detail").asString()).contains("No reply from 'quotes.request'");
			}
			finally {
				silentWorker.unsubscribe();
			}
		}
		finally {
			registries.forEach((registry) -> registry.getListenerContainer("quote-worker").start());
		}
		await().atMost(WAIT)
			.until(() -> post("/api/quotes", Map.of("symbol", "NATS", "quantity", 1)).getStatusCode().value() == 200);
		JsonNode counters = get("/api/stats").getBody().get("counters");
		assertThat(counters.get("quotesWithoutResponders").asLong()).isPositive();
		assertThat(counters.get("quotesTimedOut").asLong()).isPositive();
	}

	@Test
	void anOrderIsStoredOnceAndProcessedByAWorker() {
		String id = "order-" + UUID.randomUUID();
		Map<String, Object> order = Map.of("id", id, "item", "kv", "quantity", 4);
		ResponseEntity<JsonNode> accepted = post("/api/orders", order);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		assertThat(accepted.getHeaders().getLocation()).hasPath("/api/orders/" + id);
		assertThat(accepted.getBody().get("stream").asString()).isEqualTo("ORDERS");
		assertThat(accepted.getBody().get("duplicate").asBoolean()).isFalse();
		ResponseEntity<JsonNode> again = post("/api/orders", order);
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();
		assertThat(again.getBody().get("sequence").asLong()).isEqualTo(accepted.getBody().get("sequence").asLong());

		await().atMost(WAIT).until(() -> get("/api/orders/" + id).getStatusCode().value() == 200);
		JsonNode processed = get("/api/orders/" + id).getBody();
		assertThat(processed.get("total").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(processed.get("worker").asString()).isIn("worker-1", "worker-2");
	}

	@Test
	void aFailingOrderEndsInTheDeadLetterQueue() {
		String id = "order-" + UUID.randomUUID();
		assertThat(post("/api/orders", Map.of("id", id, "item", "gold", "quantity", 1)).getStatusCode().value())
			.isEqualTo(202);
		JsonNode deadLetter = await().atMost(WAIT).until(() -> deadLetter(id), (found) -> found != null);
		assertThat(deadLetter.get("reason").asString()).isEqualTo("max-deliveries");
		assertThat(deadLetter.get("deliveries").asLong()).isEqualTo(3);
		assertThat(deadLetter.get("subject").asString()).isEqualTo("orders.created");
		assertThat(deadLetter.get("error").asString()).contains("UnknownItemException")
			.contains("item 'gold' is not on the price list");
		assertThat(get("/api/orders/" + id).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void healthIsUpAndShowsTheLeadershipAndActuatorEndpointsAreExposed() {
		ResponseEntity<JsonNode> health = get("/actuator/health");
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody().get("status").asString()).isEqualTo("UP");
		JsonNode nats = health.getBody().get("components").get("nats");
		assertThat(nats.get("status").asString()).isEqualTo("UP");
		JsonNode leadership = nats.get("details").get("leaderElections").get("nats-sample");
		assertThat(leadership.get("role").asString()).isIn("LEADER", "FOLLOWER");
		assertThat(get("/actuator/health/readiness").getBody().get("status").asString()).isEqualTo("UP");

		JsonNode info = get("/actuator/info").getBody();
		assertThat(info.get("sample").get("instance").asString()).isEqualTo("worker-1");
		assertThat(info.get("sample").get("roles").toString()).isEqualTo("[\"web\",\"worker\"]");

		assertThat(get("/actuator/metrics/sample.quotes.requests").getStatusCode().value()).isEqualTo(200);
		String prometheus = this.http.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.retrieve()
			.body(String.class);
		assertThat(prometheus).contains("sample_quotes_requests_total{").contains("sample_orders_published_total{");
	}

	@Test
	void exactlyOneInstanceLeadsAndPublishesTheSummary() throws Exception {
		NatsLeaderElection first = this.election;
		NatsLeaderElection second = this.secondWorker.getBean(NatsLeaderElection.class);
		await().atMost(WAIT).until(() -> first.isLeader() != second.isLeader());
		NatsLeaderElection leader = first.isLeader() ? first : second;
		NatsLeaderElection follower = first.isLeader() ? second : first;
		await().atMost(WAIT).until(() -> leader.getNodeId().equals(follower.getLeader()));

		Subscription summaries = this.connection.subscribe("sample.summary");
		try {
			Message message = summaries.nextMessage(WAIT);
			assertThat(message).as("summary published by the leader").isNotNull();
			JsonNode summary = this.jsonMapper.readTree(new String(message.getData(), StandardCharsets.UTF_8));
			assertThat(summary.get("leader").asString()).isEqualTo(leader.getNodeId());
			assertThat(summary.get("fencingToken").asLong()).isPositive();
			assertThat(summary.has("ordersStored")).isTrue();
		}
		finally {
			summaries.unsubscribe();
		}
	}

	private JsonNode deadLetter(String id) {
		JsonNode deadLetters = get("/api/orders/dlq").getBody();
		for (JsonNode deadLetter : deadLetters) {
			if (deadLetter.get("payload").asString().contains(id)) {
				return deadLetter;
			}
		}
		return null;
	}

	private ResponseEntity<JsonNode> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> post(String path, Object body) {
		return this.http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
