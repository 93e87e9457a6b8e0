package io.github.natsboot.logging;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The NATS client logs through java.util.logging (bridged to SLF4J, as Spring Boot does)
 * when it has no error listener of its own. A permission error caused by the appender's own
 * publish must not be shipped, or it would cause another one, forever.
 */
@EmbeddedNats(jetStream = false, config = """
		authorization {
		  users: [
		    { user: app, password: app-pw, permissions: { publish: { allow: ["logs.loop.>"], deny: ["logs.loop.error"] } } }
		    { user: reader, password: reader-pw }
		  ]
		}
		""")
class NatsAppenderRecursionIntegrationTests {

	@Test
	void aPermissionErrorLoggedByTheNatsClientIsNotShippedAndCannotFeedItself(NatsServer server) throws Exception {
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		boolean bridgeInstalledHere = !SLF4JBridgeHandler.isInstalled();
		if (bridgeInstalledHere) {
			SLF4JBridgeHandler.install();
		}
		Logger root = loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Logger clientLogger = loggerContext.getLogger("io.nats");
		ListAppender<ILoggingEvent> clientEvents = new ListAppender<>();
		clientEvents.setContext(loggerContext);
		clientEvents.start();
		clientLogger.addAppender(clientEvents);
		Connection app = Nats.connect(Options.builder().server(server.getUrl()).userInfo("app", "app-pw").build());
		Connection reader = Nats.connect(Options.builder()
			.server(server.getUrl())
			.userInfo("reader", "reader-pw")
			.errorListener(new io.nats.client.ErrorListener() {
			})
			.build());
		NatsAppender appender = TestLogging.appender(loggerContext, "logs.loop.{level}", app);
		appender.setName("NATS-LOOP");
		try {
			Subscription subscription = reader.subscribe("logs.loop.>");
			reader.flush(Duration.ofSeconds(2));
			TestLogging.attach(loggerContext, appender);
			Logger logger = loggerContext.getLogger("com.example.Loop");
			logger.info("application info");
			logger.error("application error");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> clientEvents.list.stream().anyMatch(this::isPermissionViolation));
			Thread.sleep(1500);
			assertThat(clientEvents.list).filteredOn(this::isPermissionViolation)
				.as("one violation, for the application's error event only")
				.hasSize(1);
			List<Message> shipped = TestLogging.receive(subscription, 2, Duration.ofSeconds(2));
			assertThat(shipped).singleElement()
				.satisfies((message) -> assertThat(TestLogging.body(message)).contains("application info"));
			assertThat(appender.getShippedCount()).isEqualTo(2);
		}
		finally {
			root.detachAppender(appender);
			appender.stop();
			clientLogger.detachAppender(clientEvents);
			if (bridgeInstalledHere) {
				SLF4JBridgeHandler.uninstall();
			}
			app.close();
			reader.close();
		}
	}

	private boolean isPermissionViolation(ILoggingEvent event) {
		return event.getFormattedMessage().contains("Permissions Violation");
	}

}
