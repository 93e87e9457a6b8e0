package io.github.natsboot.listener;

import io.github.natsboot.core.NatsException;

/**
 * Thrown by a batch {@link NatsListener} to say which message of the list it failed on,
 * as spring-kafka's {@code BatchListenerFailedException} does: the messages before it are
 * acknowledged, it is handled as failed (negatively acknowledged with the backoff,
 * dead-lettered at the max deliveries), and the messages after it are redelivered at once
 * without counting as failed. Messages settled through a {@link NatsBatchAcknowledgment}
 * keep their outcome. An index outside the list fails the whole batch.
 */
public class NatsBatchListenerFailedException extends NatsException {

	private final int index;

	/**
	 * Create an exception.
	 * @param message the description
	 * @param index the index in the list of the message that failed
	 */
	public NatsBatchListenerFailedException(String message, int index) {
		this(message, null, index);
	}

	/**
	 * Create an exception.
	 * @param message the description
	 * @param cause why the message failed
	 * @param index the index in the list of the message that failed
	 */
	public NatsBatchListenerFailedException(String message, Throwable cause, int index) {
		super(message, cause);
		this.index = index;
	}

	/**
	 * The index of the message that failed.
	 * @return its index in the list the method received
	 */
	public int getIndex() {
		return this.index;
	}

}
