package io.github.natsboot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.natsboot.test.NatsServer;
import io.github.natsboot.test.NatsServerBinary;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured connection logs its events on {@code io.github.natsboot.connection}
 * at the levels the README promises, against real {@code nats-server} processes: connects
 * and reconnects at INFO; a disconnect (one warning per outage, not one per reconnect
 * attempt), lame duck mode and slow consumers at WARN; server errors at ERROR. The events
 * are read from the logger itself, so the assertions hold whatever the console pattern.
 */
class NatsConnectionEventLogIntegrationTests {

	private static final String LOGGER_NAME = "io.github.natsboot.connection";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class))
		.withPropertyValues("nats.connection-timeout=5s", "nats.drain-timeout=2s", "nats.reconnect.wait=100ms");

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private Logger logger;

	@BeforeEach
	void captureConnectionLog() {
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.logger = loggerContext.getLogger(LOGGER_NAME);
		this.events.setContext(loggerContext);
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void stopCapturing() {
		this.logger.detachAppender(this.events);
		this.events.stop();
	}

	@Test
	void aKilledServerIsLoggedOnceAtWarnAndTheReconnectAtInfo() {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				Connection connection = context.getBean(Connection.class);
				String described = server.getUrl() + " (server " + server.getName() + ", version "
						+ connection.getServerInfo().getVersion() + ")";
				awaitLogged("INFO Connected to NATS " + described);
				server.kill();
				String disconnected = "WARN Disconnected from NATS " + server.getUrl() + ", reconnecting";
				awaitLogged(disconnected);
				Thread.sleep(1500);
				server.restart();
				awaitLogged("INFO Reconnected to NATS " + described);
				System.out.println("Connection log around a server kill and restart: " + logged());
				assertThat(logged()).as("one disconnect warning for 1.5 s of reconnect attempts, nothing at ERROR")
					.containsOnlyOnce(disconnected)
					.noneMatch((line) -> line.startsWith("ERROR"));
			});
		}
	}

	@Test
	void lameDuckModeIsLoggedAtWarn() throws Exception {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
				signalLameDuckMode(server);
				awaitLogged("WARN NATS server " + server.getUrl()
						+ " entered lame duck mode and will shut down; the client will move to another server");
				System.out.println("Connection log after lame duck mode: " + logged());
			});
			// a server in lame duck mode takes its lame duck duration (2 minutes) over a SIGTERM
			server.kill();
		}
	}

	@Test
	void aSlowConsumerIsLoggedAtWarn() {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				Connection connection = context.getBean(Connection.class);
				CountDownLatch release = new CountDownLatch(1);
				Dispatcher dispatcher = connection.createDispatcher((message) -> release.await(10, TimeUnit.SECONDS));
				dispatcher.subscribe("slow.consumer");
				dispatcher.setPendingLimits(1, -1);
				connection.flush(Duration.ofSeconds(2));
				try {
					for (int i = 0; i < 10; i++) {
						connection.publish("slow.consumer", new byte[] { (byte) i });
					}
					connection.flush(Duration.ofSeconds(2));
					await().atMost(Duration.ofSeconds(10))
						.until(() -> logged().stream().anyMatch((line) -> line.contains("slow consumer")));
				}
				finally {
					release.countDown();
				}
				System.out.println("Connection log after a slow consumer: " + logged());
				assertThat(logged()).filteredOn((line) -> line.contains("slow consumer"))
					.as("one warning each time the subscription falls behind")
					.isNotEmpty()
					.allMatch((line) -> line
						.matches("WARN NATS slow consumer: pending limits reached, [1-9][0-9]* messages dropped so far"));
			});
		}
	}

	@Test
	void aServerErrorIsLoggedAtError() {
		try (NatsServer server = NatsServer.builder().jetStream(false).config("max_subscriptions: 1").start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				Connection connection = context.getBean(Connection.class);
				connection.subscribe("allowed.one");
				connection.subscribe("one.too.many");
				awaitLogged("ERROR NATS server error: maximum subscriptions exceeded");
				System.out.println("Connection log after a server error: " + logged());
			});
		}
	}

	private void awaitLogged(String line) {
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(logged()).as("connection log").contains(line));
	}

	private List<String> logged() {
		synchronized (this.events) {
			return this.events.list.stream().map((event) -> event.getLevel() + " " + event.getFormattedMessage()).toList();
		}
	}

	private static void signalLameDuckMode(NatsServer server) throws Exception {
		Process signal = new ProcessBuilder(NatsServerBinary.locate().toString(), "--signal",
				"ldm=" + server.getPid())
			.redirectErrorStream(true)
			.start();
		assertThat(signal.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(signal.exitValue()).as(new String(signal.getInputStream().readAllBytes())).isZero();
	}

}
