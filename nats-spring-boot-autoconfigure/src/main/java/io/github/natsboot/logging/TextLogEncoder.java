package io.github.natsboot.logging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.EncoderBase;
import org.slf4j.event.KeyValuePair;

/**
 * Encodes a log event as one line of text, {@code [timestamp] [LEVEL] message key=value ...},
 * with the MDC entries and then the SLF4J key-value pairs, and the stack trace on the
 * following lines when the event has an exception. The timestamp is ISO-8601 in UTC. Not
 * thread-safe: the {@link NatsAppender} encodes on its single worker thread.
 */
public class TextLogEncoder extends EncoderBase<ILoggingEvent> {

	private final StringBuilder buffer = new StringBuilder(256);

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		StringBuilder text = this.buffer;
		text.setLength(0);
		text.append('[').append(event.getInstant()).append("] [").append(event.getLevel()).append("] ");
		text.append(event.getFormattedMessage());
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			mdc.forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
		}
		List<KeyValuePair> keyValuePairs = event.getKeyValuePairs();
		if (keyValuePairs != null) {
			for (KeyValuePair pair : keyValuePairs) {
				text.append(' ').append(pair.key).append('=').append(pair.value);
			}
		}
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			text.append(CoreConstants.LINE_SEPARATOR).append(ThrowableProxyUtil.asString(throwable));
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
