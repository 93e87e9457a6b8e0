package io.github.natsboot.listener;

import io.nats.client.Message;

/**
 * Decides what happens with the outcome of a listener invocation (a reply, an error
 * reply, an ack, a nak, a dead letter): the one place a message handler does so, whether
 * the method returned its result or the result completed later
 * ({@link ListenerInvoker#invokeAsync}).
 */
interface ListenerOutcomeHandler {

	/**
	 * Act on the outcome of an invocation.
	 * @param message the message
	 * @param acknowledgment its acknowledgment, or {@code null}
	 * @param value the result, when the listener succeeded
	 * @param failure the failure, or {@code null} when the listener succeeded
	 * @return {@code null} when the listener (or its error handler) completed the
	 * message, else the error it ended with
	 */
	Throwable onOutcome(Message message, NatsAcknowledgment acknowledgment, Object value,
			NatsListenerExecutionFailedException failure);

	/**
	 * Whether a delivery thread waiting for room for another outstanding result should
	 * stop waiting and leave the message unprocessed.
	 * @param message the message it waits with
	 * @return {@code true} to stop waiting
	 */
	default boolean stopsWaiting(Message message) {
		return false;
	}

}
