package io.github.natsboot.cloud.stream.binder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsReceivedHeaders;
import io.nats.client.impl.Headers;

import org.springframework.messaging.MessageHeaders;
import org.springframework.util.MimeType;

/**
 * Maps headers between NATS messages and Spring messages, both ways.
 * <p>
 * Inbound, the headers are those a {@code @NatsListener} method sees:
 * {@link NatsReceivedHeaders}.
 * <p>
 * Outbound, every header whose value is text, a number, a boolean, a MIME type or a UUID
 * (or a list of those) becomes a NATS header, and {@code contentType} becomes
 * {@code Content-Type}. Left out: Spring's {@code id} and {@code timestamp}, the binder's
 * own {@code scst_*} headers, the reply and error channels, the subject headers of a
 * received message, and JetStream's {@code Nats-Expected-*} publish conditions, which
 * belong to the publish that set them and must not follow a message a function passes on.
 */
public class NatsBinderHeaderMapper {

	private static final Set<String> NOT_MAPPED = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP,
			MessageHeaders.CONTENT_TYPE, MessageHeaders.REPLY_CHANNEL, MessageHeaders.ERROR_CHANNEL,
			NatsHeaders.RECEIVED_SUBJECT, NatsHeaders.REPLY_TO, "deliveryAttempt", "sourceData", "target-protocol");

	/**
	 * The Spring message headers of a received NATS message.
	 * @param message the NATS message
	 * @return the headers, a new mutable map
	 */
	public Map<String, Object> toHeaders(io.nats.client.Message message) {
		return NatsReceivedHeaders.toMap(message);
	}

	/**
	 * The NATS headers of a message to publish.
	 * @param headers the Spring message headers
	 * @return the NATS headers, or {@code null} when none is mapped
	 */
	public Headers fromHeaders(MessageHeaders headers) {
		Headers natsHeaders = null;
		for (Map.Entry<String, Object> header : headers.entrySet()) {
			String name = header.getKey();
			if (!isMapped(name)) {
				continue;
			}
			List<String> values = textValues(header.getValue());
			if (values.isEmpty()) {
				continue;
			}
			natsHeaders = (natsHeaders != null) ? natsHeaders : new Headers();
			natsHeaders.put(name, values);
		}
		Object contentType = headers.get(MessageHeaders.CONTENT_TYPE);
		if (contentType != null && (natsHeaders == null || !natsHeaders.containsKey(NatsHeaders.CONTENT_TYPE))) {
			natsHeaders = (natsHeaders != null) ? natsHeaders : new Headers();
			natsHeaders.put(NatsHeaders.CONTENT_TYPE, contentType.toString());
		}
		return natsHeaders;
	}

	private static boolean isMapped(String name) {
		return !NOT_MAPPED.contains(name) && !name.startsWith("scst_") && !name.startsWith("Nats-Expected-")
				&& isValidNatsHeaderName(name);
	}

	/**
	 * NATS header names are printable ASCII without a colon.
	 */
	private static boolean isValidNatsHeaderName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c <= ' ' || c > '~' || c == ':') {
				return false;
			}
		}
		return true;
	}

	private static List<String> textValues(Object value) {
		if (isText(value)) {
			return List.of(value.toString());
		}
		if (value instanceof Iterable<?> iterable) {
			List<String> values = new java.util.ArrayList<>();
			for (Object element : iterable) {
				if (!isText(element)) {
					return List.of();
				}
				values.add(element.toString());
			}
			return values;
		}
		return List.of();
	}

	private static boolean isText(Object value) {
		return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof MimeType || value instanceof UUID || value instanceof Enum<?>;
	}

}
