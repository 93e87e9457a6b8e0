package io.github.natsboot.listener;

import io.github.natsboot.core.NatsException;

/**
 * Thrown when a JetStream listener cannot be bound: its stream or durable consumer does
 * not exist, or JetStream is unavailable.
 */
public class NatsListenerBindingException extends NatsException {

	private final String listenerId;

	private final String stream;

	private final String consumer;

	/**
	 * Create a new exception.
	 * @param listenerId the listener id
	 * @param stream the stream
	 * @param consumer the consumer, or {@code null}
	 * @param message what is wrong
	 */
	public NatsListenerBindingException(String listenerId, String stream, String consumer, String message) {
		super(message);
		this.listenerId = listenerId;
		this.stream = stream;
		this.consumer = consumer;
	}

	public String getListenerId() {
		return this.listenerId;
	}

	public String getStream() {
		return this.stream;
	}

	public String getConsumer() {
		return this.consumer;
	}

}
