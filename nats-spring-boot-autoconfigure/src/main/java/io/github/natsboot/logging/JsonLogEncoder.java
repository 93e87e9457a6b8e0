package io.github.natsboot.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.json.JsonWriter;

/**
 * Encodes a log event as one JSON object: {@code timestamp} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code thread}, {@code message}, {@code host}, {@code application} (when
 * known), {@code pid}, every MDC entry and SLF4J key-value pair as a field of its own, and
 * {@code exception} ({@code class}, {@code message}, {@code stackTrace}) when the event has
 * one. MDC entries and key-value pairs named like one of the fixed fields are left out.
 *
 * <p>Written with Spring Boot's {@link JsonWriter}, the Jackson-free writer that Boot's own
 * structured log formats use. Not thread-safe: the {@link NatsAppender} encodes on its
 * single worker thread.
 */
public class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

	private static final Set<String> FIXED_FIELDS = Set.of("timestamp", "level", "logger", "thread", "message",
			"host", "application", "pid", "exception");

	private final StringBuilder buffer = new StringBuilder(512);

	private String applicationName;

	private JsonWriter<ILoggingEvent> writer;

	/**
	 * Set the application name written in the {@code application} field. Defaults to the
	 * name Spring Boot's logging system publishes from {@code spring.application.name}.
	 * @param applicationName the application name
	 */
	public void setApplicationName(String applicationName) {
		this.applicationName = applicationName;
	}

	@Override
	public void start() {
		String host = ProcessDetails.hostName(getContext());
		String application = (this.applicationName != null) ? this.applicationName : ProcessDetails.applicationName();
		long pid = ProcessDetails.pid();
		this.writer = JsonWriter.of((members) -> {
			members.add("timestamp", ILoggingEvent::getInstant).as(Instant::toString);
			members.add("level", ILoggingEvent::getLevel).as(Level::toString);
			members.add("logger", ILoggingEvent::getLoggerName);
			members.add("thread", ILoggingEvent::getThreadName);
			members.add("message", ILoggingEvent::getFormattedMessage);
			members.add("host", host).whenHasLength();
			members.add("application", application).whenHasLength();
			members.add("pid", pid);
			members.add().usingPairs(JsonLogEncoder::contextPairs);
			members.add("exception", ILoggingEvent::getThrowableProxy).whenNotNull().usingMembers((exception) -> {
				exception.add("class", IThrowableProxy::getClassName);
				exception.add("message", IThrowableProxy::getMessage).whenNotNull();
				exception.add("stackTrace", ThrowableProxyUtil::asString);
			});
		});
		super.start();
	}

	private static void contextPairs(ILoggingEvent event, BiConsumer<String, Object> pairs) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			mdc.forEach((key, value) -> {
				if (!FIXED_FIELDS.contains(key)) {
					pairs.accept(key, value);
				}
			});
		}
		List<KeyValuePair> keyValuePairs = event.getKeyValuePairs();
		if (keyValuePairs != null) {
			for (KeyValuePair pair : keyValuePairs) {
				if (!FIXED_FIELDS.contains(pair.key)) {
					pairs.accept(pair.key, pair.value);
				}
			}
		}
	}

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		this.buffer.setLength(0);
		try {
			this.writer.write(event, this.buffer);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return this.buffer.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
