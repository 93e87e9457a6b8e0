package io.github.natsboot.logging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

/**
 * Real Logback contexts, appenders and NATS connections for the appender's tests.
 */
final class TestLogging {

	private TestLogging() {
	}

	static LoggerContext loggerContext() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.start();
		return context;
	}

	static NatsAppender appender(LoggerContext context, String subject, Connection connection) {
		NatsAppender appender = new NatsAppender();
		appender.setContext(context);
		appender.setName("NATS");
		appender.setSubject(subject);
		appender.setConnection(connection);
		return appender;
	}

	static NatsAppender attach(LoggerContext context, NatsAppender appender) {
		appender.start();
		if (!appender.isStarted()) {
			throw new IllegalStateException("Appender not started: " + context.getStatusManager().getCopyOfStatusList());
		}
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
		return appender;
	}

	static Connection connect(String url) throws IOException, InterruptedException {
		return Nats.connect(new Options.Builder().server(url)
			.reconnectWait(Duration.ofMillis(100))
			.maxReconnects(-1)
			.errorListener(new io.nats.client.ErrorListener() {
			})
			.build());
	}

	static List<Message> receive(Subscription subscription, int count, Duration timeout) throws InterruptedException {
		List<Message> messages = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (messages.size() < count) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				break;
			}
			Message message = subscription.nextMessage(Duration.ofNanos(remaining));
			if (message != null) {
				messages.add(message);
			}
		}
		return messages;
	}

	static String body(Message message) {
		return new String(message.getData(), java.nio.charset.StandardCharsets.UTF_8);
	}

}
