package io.github.natsboot.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.nats.client.Message;
import io.nats.client.impl.Headers;

import org.springframework.messaging.MessageHeaders;

/**
 * The spring-messaging headers of a received NATS message, as listener methods and the
 * Spring Cloud Stream binder see them: every NATS header under its own name (one value
 * as a {@code String}, several as a {@code List<String>}), {@code Content-Type} also as
 * the message's {@value MessageHeaders#CONTENT_TYPE}, and the subject and reply subject
 * it arrived with as {@value NatsHeaders#RECEIVED_SUBJECT} and
 * {@value NatsHeaders#REPLY_TO}.
 */
public final class NatsReceivedHeaders {

	private NatsReceivedHeaders() {
	}

	/**
	 * Map the headers of a received message.
	 * @param message the NATS message
	 * @return the headers, in a new mutable map
	 */
	public static Map<String, Object> toMap(Message message) {
		Headers natsHeaders = message.getHeaders();
		Map<String, Object> map = new HashMap<>((natsHeaders != null) ? natsHeaders.size() + 4 : 4);
		if (natsHeaders != null) {
			natsHeaders.forEach((name, values) -> map.put(name, (values.size() == 1) ? values.get(0) : List.copyOf(values)));
			String contentType = natsHeaders.getFirst(NatsHeaders.CONTENT_TYPE);
			if (contentType != null) {
				map.put(MessageHeaders.CONTENT_TYPE, contentType);
			}
		}
		map.put(NatsHeaders.RECEIVED_SUBJECT, message.getSubject());
		if (message.getReplyTo() != null) {
			map.put(NatsHeaders.REPLY_TO, message.getReplyTo());
		}
		return map;
	}

}
