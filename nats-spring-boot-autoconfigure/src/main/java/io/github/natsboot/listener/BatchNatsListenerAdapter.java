package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

import io.nats.client.Message;

import org.springframework.messaging.converter.MessageConversionException;

/**
 * The adapter of a batch {@link NatsListener} ({@code batch = "true"}): invokes its
 * method with a list of messages, converted as the method's {@link BatchListenerMethod}
 * says, and carries how large and how long batches are. Used by the JetStream container,
 * whose workers collect the batches ({@link JetStreamBatchMessageHandler}).
 */
final class BatchNatsListenerAdapter extends NatsListenerAdapter {

	private final BatchListenerMethod method;

	private final int maxBatch;

	private final Duration maxWait;

	/**
	 * Create an adapter.
	 * @param listenerId the listener id
	 * @param method the batch method
	 * @param errorHandler the handler for failures
	 * @param maxBatch the most messages of a batch
	 * @param maxWait how long to wait for more messages once the first one is there
	 */
	BatchNatsListenerAdapter(String listenerId, BatchListenerMethod method, NatsListenerErrorHandler errorHandler,
			int maxBatch, Duration maxWait) {
		super(listenerId, method, errorHandler);
		this.method = method;
		this.maxBatch = maxBatch;
		this.maxWait = maxWait;
	}

	@Override
	public boolean isBatch() {
		return true;
	}

	@Override
	public boolean acknowledgesManually() {
		return this.method.acknowledgesManually();
	}

	/**
	 * Whether the list holds the NATS messages as they are, which need no conversion.
	 * @return {@code true} for {@code List<io.nats.client.Message>}
	 */
	boolean takesNatsMessages() {
		return this.method.takesNatsMessages();
	}

	int maxBatch() {
		return this.maxBatch;
	}

	Duration maxWait() {
		return this.maxWait;
	}

	/**
	 * Convert a message to the element of the list.
	 * @param message the message
	 * @return the element
	 * @throws NatsListenerExecutionFailedException (a conversion failure) if its payload
	 * cannot be read
	 */
	Object element(Message message) {
		try {
			return this.method.element(message);
		}
		catch (MessageConversionException ex) {
			throw new NatsListenerExecutionFailedException(getListenerId(), message.getSubject(), true, ex);
		}
	}

	/**
	 * Invoke the method with a batch.
	 * @param messages the messages of the batch
	 * @param elements their elements, as {@link #element(Message)} made them
	 * @param acknowledgment the acknowledgment of the batch, or {@code null}
	 * @return what the method returned
	 * @throws NatsListenerExecutionFailedException if the method throws
	 */
	Object invokeBatch(List<Message> messages, List<Object> elements, NatsBatchAcknowledgment acknowledgment) {
		try {
			return this.method.invoke(elements, acknowledgment);
		}
		catch (Throwable ex) {
			throw new NatsListenerExecutionFailedException(getListenerId(), messages.get(0).getSubject(), false, ex);
		}
	}

	/**
	 * Not for batch listeners, whose messages are invoked in batches.
	 * @throws IllegalStateException always
	 */
	@Override
	public Object invoke(Message message, NatsAcknowledgment acknowledgment) {
		throw new IllegalStateException("Listener '" + getListenerId() + "' is a batch listener: it is invoked with "
				+ "batches of messages, by a JetStream listener container");
	}

}
