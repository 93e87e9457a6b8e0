package io.github.natsboot.listener;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A spring-messaging {@code Message<T>} in the list of a batch listener: the converted
 * payload, with the headers of the NATS message built only when asked for, as
 * {@link NatsSpringMessage} builds them.
 *
 * @param <T> the payload type
 */
final class NatsBatchSpringMessage<T> implements Message<T> {

	private final T payload;

	private final NatsSpringMessage source;

	NatsBatchSpringMessage(T payload, io.nats.client.Message natsMessage) {
		this.payload = payload;
		this.source = new NatsSpringMessage(natsMessage);
	}

	@Override
	public T getPayload() {
		return this.payload;
	}

	@Override
	public MessageHeaders getHeaders() {
		return this.source.getHeaders();
	}

	@Override
	public String toString() {
		return "NatsBatchSpringMessage[subject=" + this.source.getNatsMessage().getSubject() + ", payload="
				+ this.payload + "]";
	}

}
