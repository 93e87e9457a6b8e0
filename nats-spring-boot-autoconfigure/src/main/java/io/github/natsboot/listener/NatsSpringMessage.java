package io.github.natsboot.listener;

import java.util.Map;

import io.github.natsboot.core.NatsReceivedHeaders;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A spring-messaging view of a received NATS message, for handler method invocation. The
 * payload is the raw bytes; the headers (the NATS headers, the received subject and the
 * reply subject) are built only when a parameter asks for them, and without the id and
 * timestamp spring-messaging would otherwise generate for every message.
 */
final class NatsSpringMessage implements Message<byte[]> {

	private final io.nats.client.Message natsMessage;

	private MessageHeaders headers;

	NatsSpringMessage(io.nats.client.Message natsMessage) {
		this.natsMessage = natsMessage;
	}

	io.nats.client.Message getNatsMessage() {
		return this.natsMessage;
	}

	@Override
	public byte[] getPayload() {
		byte[] data = this.natsMessage.getData();
		return (data != null) ? data : new byte[0];
	}

	@Override
	public MessageHeaders getHeaders() {
		MessageHeaders headers = this.headers;
		if (headers == null) {
			headers = new NatsMessageHeaders(NatsReceivedHeaders.toMap(this.natsMessage));
			this.headers = headers;
		}
		return headers;
	}

	@Override
	public String toString() {
		return "NatsSpringMessage[subject=" + this.natsMessage.getSubject() + "]";
	}

	private static final class NatsMessageHeaders extends MessageHeaders {

		NatsMessageHeaders(Map<String, Object> headers) {
			super(headers, ID_VALUE_NONE, -1L);
		}

	}

}
