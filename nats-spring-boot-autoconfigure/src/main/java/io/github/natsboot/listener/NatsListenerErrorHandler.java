package io.github.natsboot.listener;

import io.nats.client.Message;

/**
 * Handles a failure of a {@link NatsListener} method: a thrown exception or a payload
 * that could not be converted.
 */
@FunctionalInterface
public interface NatsListenerErrorHandler {

	/**
	 * Handle the failure.
	 * @param message the message that failed
	 * @param exception the failure, carrying the listener id and the cause
	 * @return a value to send as the reply instead of the error when the message is a
	 * request, or {@code null} to answer the requester with the error
	 * @throws Exception to answer the requester with this exception instead
	 */
	Object handleError(Message message, NatsListenerExecutionFailedException exception) throws Exception;

}
