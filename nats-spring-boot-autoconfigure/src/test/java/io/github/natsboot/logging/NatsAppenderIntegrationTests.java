package io.github.natsboot.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.status.Status;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedNats(jetStream = false)
class NatsAppenderIntegrationTests {

	private final NatsServer server;

	private LoggerContext loggerContext;

	private Connection connection;

	private Connection consumer;

	NatsAppenderIntegrationTests(NatsServer server) {
		this.server = server;
	}

	@BeforeEach
	void setUp() throws Exception {
		this.loggerContext = TestLogging.loggerContext();
		this.connection = TestLogging.connect(this.server.getUrl());
		this.consumer = TestLogging.connect(this.server.getUrl());
	}

	@AfterEach
	void tearDown() throws Exception {
		this.loggerContext.stop();
		this.connection.close();
		this.consumer.close();
	}

	@Test
	void wildcardSubscriberAndQueueGroupConsumersReceiveEveryEvent() throws Exception {
		Subscription wildcard = this.consumer.subscribe("logs.shop.>");
		AtomicInteger first = new AtomicInteger();
		AtomicInteger second = new AtomicInteger();
		Dispatcher dispatcher = this.consumer.createDispatcher();
		dispatcher.subscribe("logs.shop.*", "collectors", (message) -> first.incrementAndGet());
		dispatcher.subscribe("logs.shop.*", "collectors", (message) -> second.incrementAndGet());
		this.consumer.flush(Duration.ofSeconds(2));
		NatsAppender appender = TestLogging.attach(this.loggerContext,
				TestLogging.appender(this.loggerContext, "logs.shop.{level}", this.connection));
		Logger logger = this.loggerContext.getLogger("com.example.Shop");
		for (int i = 0; i < 200; i++) {
			if (i % 2 == 0) {
				logger.info("order {}", i);
			}
			else {
				logger.warn("order {}", i);
			}
		}
		assertThat(TestLogging.receive(wildcard, 200, Duration.ofSeconds(10))).hasSize(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> first.get() + second.get() == 200);
		assertThat(first.get()).as("first queue member").isPositive();
		assertThat(second.get()).as("second queue member").isPositive();
		assertThat(appender.getShippedCount()).isEqualTo(200);
		assertThat(appender.getDroppedCount()).isZero();
	}

	@Test
	void jsonEventsCarryMdcKeyValuePairsAndTheException() throws Exception {
		Subscription subscription = this.consumer.subscribe("logs.json.>");
		this.consumer.flush(Duration.ofSeconds(2));
		NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.json.{level}", this.connection);
		appender.setApplicationName("orders");
		TestLogging.attach(this.loggerContext, appender);
		Logger logger = this.loggerContext.getLogger("com.example.Payments");
		this.loggerContext.getMDCAdapter().put("orderId", "o-42");
		this.loggerContext.getMDCAdapter().put("message", "collides with a fixed field");
		try {
			logger.atError()
				.addKeyValue("amount", 42)
				.addKeyValue("currency", "EUR \"quoted\"")
				.setCause(new IllegalStateException("card declined"))
				.log("Payment {} failed", "p-1");
		}
		finally {
			this.loggerContext.getMDCAdapter().clear();
		}
		Message message = subscription.nextMessage(Duration.ofSeconds(10));
		assertThat(message).isNotNull();
		assertThat(message.getSubject()).isEqualTo("logs.json.error");
		JsonNode json = JsonMapper.shared().readTree(message.getData());
		assertThat(json.get("level").asString()).isEqualTo("ERROR");
		assertThat(json.get("logger").asString()).isEqualTo("com.example.Payments");
		assertThat(json.get("thread").asString()).isEqualTo(Thread.currentThread().getName());
		assertThat(json.get("message").asString()).isEqualTo("Payment p-1 failed");
		assertThat(json.get("application").asString()).isEqualTo("orders");
		assertThat(json.get("host").asString()).isNotBlank();
		assertThat(json.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
		assertThat(java.time.Instant.parse(json.get("timestamp").asString())).isNotNull();
		assertThat(json.get("orderId").asString()).isEqualTo("o-42");
		assertThat(json.get("amount").asInt()).isEqualTo(42);
		assertThat(json.get("currency").asString()).isEqualTo("EUR \"quoted\"");
		JsonNode exception = json.get("exception");
		assertThat(exception.get("class").asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(exception.get("message").asString()).isEqualTo("card declined");
		assertThat(exception.get("stackTrace").asString()).contains("java.lang.IllegalStateException: card declined")
			.contains("at " + NatsAppenderIntegrationTests.class.getName());
	}

	@Test
	void eventsAreRoutedToTheSubjectOfTheirLevel() throws Exception {
		Subscription errors = this.consumer.subscribe("logs.routed.error");
		Subscription infos = this.consumer.subscribe("logs.routed.info");
		Subscription all = this.consumer.subscribe("logs.routed.*");
		this.consumer.flush(Duration.ofSeconds(2));
		TestLogging.attach(this.loggerContext,
				TestLogging.appender(this.loggerContext, "logs.routed.{level}", this.connection));
		Logger logger = this.loggerContext.getLogger("com.example.Routing");
		logger.debug("d");
		logger.info("i");
		logger.warn("w");
		logger.error("e");
		List<Message> received = TestLogging.receive(all, 4, Duration.ofSeconds(10));
		assertThat(received).extracting(Message::getSubject)
			.containsExactly("logs.routed.debug", "logs.routed.info", "logs.routed.warn", "logs.routed.error");
		assertThat(TestLogging.receive(errors, 1, Duration.ofSeconds(5))).singleElement()
			.satisfies((message) -> assertThat(TestLogging.body(message)).contains("\"message\":\"e\""));
		assertThat(TestLogging.receive(infos, 1, Duration.ofSeconds(5))).singleElement()
			.satisfies((message) -> assertThat(TestLogging.body(message)).contains("\"message\":\"i\""));
	}

	@Test
	void textFormatWritesTimestampLevelMessageAndPairs() throws Exception {
		Subscription subscription = this.consumer.subscribe("logs.text");
		this.consumer.flush(Duration.ofSeconds(2));
		NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.text", this.connection);
		appender.setFormat("text");
		TestLogging.attach(this.loggerContext, appender);
		this.loggerContext.getMDCAdapter().put("sku", "A-1");
		try {
			this.loggerContext.getLogger("com.example.Stock").atWarn().addKeyValue("count", 3).log("Low stock");
		}
		finally {
			this.loggerContext.getMDCAdapter().clear();
		}
		Message message = subscription.nextMessage(Duration.ofSeconds(10));
		assertThat(TestLogging.body(message)).matches("\\[\\d{4}-\\d\\d-\\d\\dT[^]]+Z] \\[WARN] Low stock sku=A-1 count=3");
	}

	@Test
	void structuredFormatsUseSpringBootsFormatters() throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "orders");
		this.loggerContext.putObject(Environment.class.getName(), environment);
		Subscription subscription = this.consumer.subscribe("logs.structured.*");
		this.consumer.flush(Duration.ofSeconds(2));
		for (String format : List.of("ecs", "logstash", "gelf")) {
			NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.structured." + format,
					this.connection);
			appender.setName(format);
			appender.setFormat(format);
			TestLogging.attach(this.loggerContext, appender);
		}
		this.loggerContext.getLogger("com.example.Structured").info("Hello structured");
		List<Message> messages = TestLogging.receive(subscription, 3, Duration.ofSeconds(10));
		assertThat(messages).hasSize(3);
		for (Message message : messages) {
			JsonNode json = JsonMapper.shared().readTree(message.getData());
			switch (message.getSubject()) {
				case "logs.structured.ecs" -> {
					assertThat(json.get("message").asString()).isEqualTo("Hello structured");
					assertThat(json.get("service").get("name").asString()).isEqualTo("orders");
				}
				case "logs.structured.logstash" -> {
					assertThat(json.get("message").asString()).isEqualTo("Hello structured");
					assertThat(json.has("@timestamp")).isTrue();
				}
				case "logs.structured.gelf" -> {
					assertThat(json.get("short_message").asString()).isEqualTo("Hello structured");
					assertThat(json.get("version").asString()).isEqualTo("1.1");
				}
				default -> throw new AssertionError("Unexpected subject " + message.getSubject());
			}
		}
	}

	@Test
	void aStructuredFormatWithoutSpringBootsLoggingSystemIsNotStarted() {
		NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.ecs", this.connection);
		appender.setFormat("ecs");
		appender.start();
		assertThat(appender.isStarted()).isFalse();
		assertThat(this.loggerContext.getStatusManager().getCopyOfStatusList()).anySatisfy((status) -> {
			assertThat(status.getLevel()).isEqualTo(Status.ERROR);
			assertThat(status.getMessage()).contains("Spring Boot's logging system");
		});
	}

	@Test
	void aFullQueueDropsAndCountsWithoutBlockingTheLoggingThread() throws Exception {
		Subscription subscription = this.consumer.subscribe("logs.stalled");
		this.consumer.flush(Duration.ofSeconds(2));
		StallingEncoder encoder = new StallingEncoder();
		NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.stalled", this.connection);
		appender.setEncoder(encoder);
		appender.setQueueSize(100);
		appender.setBatchSize(10);
		TestLogging.attach(this.loggerContext, appender);
		Logger logger = this.loggerContext.getLogger("com.example.Flood");
		logger.info("first");
		assertThat(encoder.stalled.await(10, TimeUnit.SECONDS)).as("worker stalled").isTrue();
		long[] nanos = new long[5000];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			logger.info("event {}", i);
			nanos[i] = System.nanoTime() - start;
		}
		assertThat(appender.getQueuedCount()).isEqualTo(100);
		assertThat(appender.getDroppedCount()).isEqualTo(nanos.length - 100);
		assertThat(percentile(nanos, 0.99)).as("p99 of a logging call while the worker is stalled")
			.isLessThan(TimeUnit.MILLISECONDS.toNanos(5));
		assertThat(this.loggerContext.getStatusManager().getCopyOfStatusList())
			.filteredOn((status) -> status.getMessage().contains("queue is full"))
			.as("throttled warnings")
			.hasSize(1);
		encoder.release.countDown();
		List<Message> received = TestLogging.receive(subscription, 101, Duration.ofSeconds(10));
		assertThat(received).hasSize(101);
		assertThat(appender.getShippedCount()).isEqualTo(101);
	}

	@Test
	void loggingCallsStayFastWhileTheServerIsPaused() throws Exception {
		try (NatsServer paused = NatsServer.builder().jetStream(false).start()) {
			Connection pausedConnection = TestLogging.connect(paused.getUrl());
			try {
				NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.paused", pausedConnection);
				appender.setQueueSize(1000);
				TestLogging.attach(this.loggerContext, appender);
				Logger logger = this.loggerContext.getLogger("com.example.Paused");
				paused.pause();
				long[] nanos = new long[100_000];
				String payload = "x".repeat(200);
				for (int i = 0; i < nanos.length; i++) {
					long start = System.nanoTime();
					logger.info("event {} {}", i, payload);
					nanos[i] = System.nanoTime() - start;
				}
				System.out.printf("Server paused: %d calls, p50 %d ns, p99 %d ns, max %d ns; shipped %d, dropped %d,"
						+ " failed %d%n", nanos.length, percentile(nanos, 0.5), percentile(nanos, 0.99),
						percentile(nanos, 1.0), appender.getShippedCount(), appender.getDroppedCount(),
						appender.getFailedCount());
				assertThat(appender.getDroppedCount()).as("dropped once everything is full").isPositive();
				assertThat(percentile(nanos, 0.99)).as("p99 of a logging call while the server is paused")
					.isLessThan(TimeUnit.MILLISECONDS.toNanos(5));
				paused.resume();
			}
			finally {
				pausedConnection.close();
			}
		}
	}

	@Test
	void eventsQueuedWhileTheServerIsDownArriveAfterItRestarts() throws Exception {
		try (NatsServer restarting = NatsServer.builder().start()) {
			Connection appConnection = TestLogging.connect(restarting.getUrl());
			Connection reader = TestLogging.connect(restarting.getUrl());
			try {
				reader.jetStreamManagement()
					.addStream(io.nats.client.api.StreamConfiguration.builder()
						.name("LOGS")
						.subjects("logs.restart.>")
						.storageType(io.nats.client.api.StorageType.File)
						.build());
				NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.restart.{level}",
						appConnection);
				TestLogging.attach(this.loggerContext, appender);
				Logger logger = this.loggerContext.getLogger("com.example.Restart");
				for (int i = 0; i < 100; i++) {
					logger.info("before {}", i);
				}
				await().atMost(Duration.ofSeconds(10)).until(() -> storedMessages(reader) == 100);
				restarting.stop();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> appConnection.getStatus() != Connection.Status.CONNECTED);
				Thread.sleep(250);
				for (int i = 0; i < 300; i++) {
					logger.info("during {}", i);
				}
				assertThat(appender.getQueuedCount()).as("kept in the appender's queue").isEqualTo(300);
				restarting.restart();
				await().atMost(Duration.ofSeconds(20)).until(() -> storedMessages(reader) == 400);
				assertThat(appender.getShippedCount()).isEqualTo(400);
				assertThat(appender.getDroppedCount()).isZero();
				Set<String> messages = new HashSet<>();
				var jetStream = reader.jetStream();
				var subscription = jetStream.subscribe("logs.restart.>",
						io.nats.client.PushSubscribeOptions.builder().ordered(true).build());
				for (Message message : TestLogging.receive(subscription, 400, Duration.ofSeconds(10))) {
					messages.add(JsonMapper.shared().readTree(message.getData()).get("message").asString());
				}
				assertThat(messages).hasSize(400).contains("before 0", "before 99", "during 0", "during 299");
			}
			finally {
				appConnection.close();
				reader.close();
			}
		}
	}

	private static long storedMessages(Connection connection) {
		try {
			return connection.jetStreamManagement().getStreamInfo("LOGS").getStreamState().getMsgCount();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	@Test
	void stopPublishesWhatIsQueuedBeforeItReturns() throws Exception {
		Subscription subscription = this.consumer.subscribe("logs.shutdown");
		this.consumer.flush(Duration.ofSeconds(2));
		NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.shutdown", this.connection);
		appender.setBatchSize(100_000);
		appender.setFlushInterval(ch.qos.logback.core.util.Duration.buildBySeconds(60));
		TestLogging.attach(this.loggerContext, appender);
		Logger logger = this.loggerContext.getLogger("com.example.Shutdown");
		for (int i = 0; i < 500; i++) {
			logger.info("queued {}", i);
		}
		assertThat(subscription.nextMessage(Duration.ofMillis(300))).as("still lingering in the batch").isNull();
		appender.stop();
		assertThat(appender.getShippedCount()).isEqualTo(500);
		assertThat(TestLogging.receive(subscription, 500, Duration.ofSeconds(10))).hasSize(500);
	}

	@Test
	void eventsLoggedOnTheWorkerThreadAreNeverShipped() throws Exception {
		Subscription subscription = this.consumer.subscribe("logs.worker");
		this.consumer.flush(Duration.ofSeconds(2));
		Logger logger = this.loggerContext.getLogger("com.example.Worker");
		NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.worker", this.connection);
		appender.setEncoder(new LoggingEncoder(logger));
		TestLogging.attach(this.loggerContext, appender);
		for (int i = 0; i < 3; i++) {
			logger.info("application event {}", i);
		}
		assertThat(TestLogging.receive(subscription, 3, Duration.ofSeconds(10))).hasSize(3);
		assertThat(subscription.nextMessage(Duration.ofSeconds(1))).as("no event logged while encoding").isNull();
		assertThat(appender.getShippedCount()).isEqualTo(3);
	}

	@Test
	void anAppenderWithAUrlOpensAndClosesAConnectionOfItsOwn() throws Exception {
		Subscription subscription = this.consumer.subscribe("logs.own");
		this.consumer.flush(Duration.ofSeconds(2));
		NatsAppender appender = TestLogging.appender(this.loggerContext, "logs.own", null);
		appender.setUrl(this.server.getUrl());
		TestLogging.attach(this.loggerContext, appender);
		this.loggerContext.getLogger("com.example.Own").info("over its own connection");
		Message message = subscription.nextMessage(Duration.ofSeconds(10));
		assertThat(TestLogging.body(message)).contains("over its own connection");
		Connection own = appender.getConnection();
		assertThat(own).isNotSameAs(this.connection);
		appender.stop();
		assertThat(own.getStatus()).isEqualTo(Connection.Status.CLOSED);
	}

	static long percentile(long[] values, double percentile) {
		long[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1);
		return sorted[Math.max(0, index)];
	}

	/**
	 * Blocks the worker thread on the first event until released.
	 */
	static class StallingEncoder extends EncoderBase<ILoggingEvent> {

		final CountDownLatch stalled = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public byte[] headerBytes() {
			return null;
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			this.stalled.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return event.getFormattedMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}

		@Override
		public byte[] footerBytes() {
			return null;
		}

	}

	/**
	 * Logs through the application's logger while encoding, as a publish path that logs
	 * would.
	 */
	static class LoggingEncoder extends EncoderBase<ILoggingEvent> {

		private final Logger logger;

		LoggingEncoder(Logger logger) {
			this.logger = logger;
		}

		@Override
		public byte[] headerBytes() {
			return null;
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			this.logger.warn("encoding {}", event.getFormattedMessage());
			return event.getFormattedMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}

		@Override
		public byte[] footerBytes() {
			return null;
		}

	}

}
