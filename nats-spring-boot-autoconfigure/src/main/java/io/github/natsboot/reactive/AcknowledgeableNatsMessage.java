package io.github.natsboot.reactive;

import java.time.Duration;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import reactor.core.publisher.Mono;

/**
 * A JetStream message received by
 * {@link ReactiveNatsOperations#receive(String, String, Class)}, with its payload
 * converted, that the application acknowledges once it has handled it, as a
 * reactor-kafka {@code ReceiverRecord} or a reactor-rabbitmq {@code AcknowledgableDelivery}.
 * Each acknowledgement is a {@link Mono} that sends it when subscribed; acknowledgements
 * are sent without waiting for the server to confirm them.
 *
 * @param <T> the payload type
 */
public final class AcknowledgeableNatsMessage<T> {

	private final Message message;

	private final T payload;

	AcknowledgeableNatsMessage(Message message, T payload) {
		this.message = message;
		this.payload = payload;
	}

	/**
	 * Return the converted payload.
	 * @return the payload
	 */
	public T getPayload() {
		return this.payload;
	}

	/**
	 * Return the subject the message was published to.
	 * @return the subject
	 */
	public String getSubject() {
		return this.message.getSubject();
	}

	/**
	 * Return the headers of the message.
	 * @return the headers, {@code null} when there are none
	 */
	public Headers getHeaders() {
		return this.message.getHeaders();
	}

	/**
	 * Return the message's JetStream metadata: stream and consumer sequences, delivery
	 * count, timestamp.
	 * @return the metadata
	 */
	public NatsJetStreamMetaData getMetaData() {
		return this.message.metaData();
	}

	/**
	 * Return the jnats message, for what this type does not expose.
	 * @return the message
	 */
	public Message getMessage() {
		return this.message;
	}

	/**
	 * Acknowledge the message: it is handled and will not be delivered again.
	 * @return a {@link Mono} that acknowledges when subscribed
	 */
	public Mono<Void> ack() {
		return Mono.fromRunnable(this.message::ack);
	}

	/**
	 * Negatively acknowledge the message: the server redelivers it at once, up to the
	 * consumer's max deliveries.
	 * @return a {@link Mono} that sends the negative acknowledgement when subscribed
	 */
	public Mono<Void> nak() {
		return Mono.fromRunnable(this.message::nak);
	}

	/**
	 * Negatively acknowledge the message, asking for its redelivery after a delay.
	 * @param delay how long the server waits before redelivering it
	 * @return a {@link Mono} that sends the negative acknowledgement when subscribed
	 */
	public Mono<Void> nak(Duration delay) {
		return Mono.fromRunnable(() -> this.message.nakWithDelay(delay));
	}

	/**
	 * Terminate the message: the server never delivers it again; it stays in the stream.
	 * @return a {@link Mono} that terminates when subscribed
	 */
	public Mono<Void> term() {
		return Mono.fromRunnable(this.message::term);
	}

	/**
	 * Tell the server the message is still being handled, restarting its ack wait.
	 * @return a {@link Mono} that sends the progress acknowledgement when subscribed
	 */
	public Mono<Void> inProgress() {
		return Mono.fromRunnable(this.message::inProgress);
	}

	@Override
	public String toString() {
		return "AcknowledgeableNatsMessage[subject=" + getSubject() + ", payload=" + this.payload + "]";
	}

}
