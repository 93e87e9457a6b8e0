package io.github.natsboot.autoconfigure.logging;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.logging.NatsAppender;
import io.github.natsboot.logging.NatsAppenderMetrics;
import io.github.natsboot.logging.NatsLoggingLifecycle;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedNats(jetStream = false)
class NatsLoggingAutoConfigurationTests {

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private final LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();

	private Connection consumer;

	NatsLoggingAutoConfigurationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsLoggingAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=2s",
					"spring.application.name=orders");
	}

	@BeforeEach
	void connectConsumer() throws Exception {
		this.consumer = Nats.connect(this.server.getUrl());
	}

	@AfterEach
	void closeConsumer() throws Exception {
		this.consumer.close();
	}

	@Test
	void enabledAttachesAnAppenderToTheRootLoggerThatShipsAboveTheLevelThreshold() throws Exception {
		Subscription subscription = subscribe("logs.orders.>");
		this.contextRunner.withPropertyValues("nats.logging.enabled=true", "nats.logging.level=warn").run((context) -> {
			assertThat(root().getAppender("NATS")).isInstanceOf(NatsAppender.class);
			org.slf4j.Logger logger = LoggerFactory.getLogger("com.example.Auto");
			logger.info("below the threshold");
			logger.warn("shipped");
			Message message = subscription.nextMessage(Duration.ofSeconds(10));
			assertThat(message.getSubject()).isEqualTo("logs.orders.warn");
			assertThat(new String(message.getData(), StandardCharsets.UTF_8)).contains("\"message\":\"shipped\"")
				.contains("\"application\":\"orders\"");
		});
		assertThat(root().getAppender("NATS")).as("detached on close").isNull();
		assertThat(subscription.nextMessage(Duration.ofMillis(300))).as("nothing below warn").isNull();
	}

	@Test
	void notEnabledAttachesNothing() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(NatsLoggingLifecycle.class);
			assertThat(root().getAppender("NATS")).isNull();
		});
	}

	@Test
	void anAppenderDeclaredInLogbackXmlGetsTheConnectionAndShipsWhatItQueuedAtStartup() throws Exception {
		String xml = """
				<configuration>
				  <appender name="NATS-XML" class="io.github.natsboot.logging.NatsAppender">
				    <subject>logs.xml.{level}</subject>
				    <format>text</format>
				    <batchSize>50</batchSize>
				    <flushInterval>20 milliseconds</flushInterval>
				    <queueSize>500</queueSize>
				    <shutdownTimeout>2 seconds</shutdownTimeout>
				  </appender>
				  <logger name="com.example.Xml" level="INFO" additivity="false">
				    <appender-ref ref="NATS-XML"/>
				  </logger>
				</configuration>
				""";
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.loggerContext);
		configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		Logger xmlLogger = this.loggerContext.getLogger("com.example.Xml");
		NatsAppender appender = (NatsAppender) xmlLogger.getAppender("NATS-XML");
		try {
			assertThat(appender.isStarted()).isTrue();
			Subscription subscription = subscribe("logs.xml.>");
			xmlLogger.info("logged before the connection exists");
			assertThat(appender.getQueuedCount()).isEqualTo(1);
			this.contextRunner.run((context) -> {
				assertThat(appender.getConnection()).isSameAs(context.getBean(Connection.class));
				Message message = subscription.nextMessage(Duration.ofSeconds(10));
				assertThat(message.getSubject()).isEqualTo("logs.xml.info");
				assertThat(new String(message.getData(), StandardCharsets.UTF_8))
					.endsWith("[INFO] logged before the connection exists");
				assertThat(context.getBean(NatsLoggingLifecycle.class).getAppenders()).containsExactly(appender);
			});
			assertThat(appender.getConnection()).as("released on close").isNull();
		}
		finally {
			xmlLogger.detachAndStopAllAppenders();
			xmlLogger.setAdditive(true);
			xmlLogger.setLevel(null);
		}
	}

	@Test
	void closingTheContextPublishesWhatIsQueuedBeforeTheConnectionDrains() throws Exception {
		Subscription subscription = subscribe("logs.orders.info");
		this.contextRunner
			.withPropertyValues("nats.logging.enabled=true", "nats.logging.flush-interval=60s",
					"nats.logging.batch-size=100000")
			.run((context) -> {
				org.slf4j.Logger logger = LoggerFactory.getLogger("com.example.Closing");
				for (int i = 0; i < 200; i++) {
					logger.info("queued {}", i);
				}
				assertThat(subscription.nextMessage(Duration.ofMillis(200))).as("lingering").isNull();
			});
		List<String> received = new java.util.ArrayList<>();
		Message message;
		while ((message = subscription.nextMessage(Duration.ofSeconds(5))) != null) {
			String body = new String(message.getData(), StandardCharsets.UTF_8);
			if (body.contains("com.example.Closing")) {
				received.add(body);
			}
			if (received.size() == 200) {
				break;
			}
		}
		assertThat(received).hasSize(200);
	}

	@Test
	void anInvalidSubjectFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.logging.enabled=true", "nats.logging.subject=logs.>")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("wildcards");
				assertThat(context.getStartupFailure()).hasStackTraceContaining("Invalid nats.logging configuration");
			});
		assertThat(root().getAppender("NATS")).isNull();
	}

	@Test
	void anUnknownFormatFailsStartupNamingTheFormat() {
		this.contextRunner.withPropertyValues("nats.logging.enabled=true", "nats.logging.format=yaml")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("Invalid nats.logging configuration")
					.hasStackTraceContaining("yaml");
			});
	}

	@Test
	void withoutLogbackItBacksOffButEnablingItFailsStartup() {
		FilteredClassLoader withoutLogback = new FilteredClassLoader("ch.qos.logback");
		this.contextRunner.withClassLoader(withoutLogback)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NatsLoggingLifecycle.class));
		this.contextRunner.withClassLoader(withoutLogback)
			.withPropertyValues("nats.logging.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("not Logback");
			});
	}

	@Test
	void countsAreRegisteredAsMetersByOutcome() {
		this.contextRunner.withPropertyValues("nats.logging.enabled=true", "nats.logging.level=error")
			.run((context) -> {
				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(NatsAppenderMetrics.class).bindTo(registry);
				org.slf4j.Logger logger = LoggerFactory.getLogger("com.example.Metrics");
				for (int i = 0; i < 5; i++) {
					logger.error("counted {}", i);
				}
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.get("nats.logging.events")
						.tags("appender", "NATS", "outcome", "shipped")
						.functionCounter()
						.count() >= 5);
				assertThat(registry.get("nats.logging.events").tags("outcome", "dropped").functionCounter().count())
					.isZero();
				assertThat(registry.get("nats.logging.events").tags("outcome", "failed").functionCounter().count())
					.isZero();
				assertThat(registry.get("nats.logging.queue.size").gauge().value()).isGreaterThanOrEqualTo(0);
			});
	}

	private Subscription subscribe(String subject) throws Exception {
		Subscription subscription = this.consumer.subscribe(subject);
		this.consumer.flush(Duration.ofSeconds(2));
		return subscription;
	}

	private Logger root() {
		return this.loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
