package io.github.natsboot.listener;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listener containers stop together at shutdown, each draining its dispatchers, and every
 * drain flushes the connection: the connection must stay up meanwhile. jnats counts those
 * flushes against {@code max-pings-out} (2 by default) and, with more in flight at once,
 * logs {@code Max outgoing Ping count exceeded} and drops the connection, which then
 * reconnects while the application shuts down.
 */
@EmbeddedNats(jetStream = false)
class NatsListenerShutdownIntegrationTests {

	private final ApplicationContextRunner contextRunner;

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private Logger logger;

	NatsListenerShutdownIntegrationTests(NatsServer server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class))
			.withUserConfiguration(ManyListeners.class)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s");
	}

	@BeforeEach
	void captureConnectionLog() {
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.logger = loggerContext.getLogger("io.github.natsboot.connection");
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
	void sixListenersStoppingTogetherLeaveTheConnectionUpUntilItDrains() {
		for (int run = 0; run < 5; run++) {
			this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		}
		List<String> logged;
		synchronized (this.events) {
			logged = this.events.list.stream().map((event) -> event.getLevel() + " " + event.getFormattedMessage()).toList();
		}
		assertThat(logged).as("connection log of 5 application runs")
			.filteredOn((line) -> !line.startsWith("INFO"))
			.isEmpty();
		assertThat(logged).filteredOn((line) -> line.startsWith("INFO Connected to NATS")).hasSize(5);
		assertThat(logged).filteredOn((line) -> line.equals("INFO NATS connection closed")).hasSize(5);
	}

	@Configuration(proxyBeanMethods = false)
	static class ManyListeners {

		@NatsListener(subjects = "many.a")
		void a(String text) {
		}

		@NatsListener(subjects = "many.b")
		void b(String text) {
		}

		@NatsListener(subjects = "many.c")
		void c(String text) {
		}

		@NatsListener(subjects = "many.d")
		void d(String text) {
		}

		@NatsListener(subjects = "many.e")
		void e(String text) {
		}

		@NatsListener(subjects = "many.f")
		void f(String text) {
		}

	}

}
