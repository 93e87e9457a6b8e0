package io.github.natsboot.logging;

import java.util.Locale;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

/**
 * Creates the encoder of a format name: {@code json} and {@code text} are this package's
 * own; anything else ({@code ecs}, {@code logstash}, {@code gelf}, or the class name of a
 * {@link org.springframework.boot.logging.structured.StructuredLogFormatter}) goes to Spring
 * Boot's {@link StructuredLogEncoder}, which needs the Spring {@link Environment} that Boot's
 * logging system puts in the Logback context.
 */
final class LogFormats {

	static final String JSON = "json";

	static final String TEXT = "text";

	private LogFormats() {
	}

	static Encoder<ILoggingEvent> encoder(String format, Context context, String applicationName) {
		String name = format.trim().toLowerCase(Locale.ROOT);
		Encoder<ILoggingEvent> encoder = switch (name) {
			case JSON -> json(applicationName);
			case TEXT -> new TextLogEncoder();
			default -> structured(format.trim(), context);
		};
		encoder.setContext(context);
		encoder.start();
		if (!encoder.isStarted()) {
			throw new IllegalStateException("Log format '" + format + "' could not be started");
		}
		return encoder;
	}

	private static JsonLogEncoder json(String applicationName) {
		JsonLogEncoder encoder = new JsonLogEncoder();
		encoder.setApplicationName(applicationName);
		return encoder;
	}

	private static StructuredLogEncoder structured(String format, Context context) {
		if (context.getObject(Environment.class.getName()) == null) {
			throw new IllegalStateException("Log format '" + format + "' is neither json nor text, and Spring Boot's "
					+ "structured formats (ecs, logstash, gelf or a StructuredLogFormatter class name) need Spring "
					+ "Boot's logging system (the Spring Environment in the Logback context)");
		}
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setFormat(format);
		return encoder;
	}

}
