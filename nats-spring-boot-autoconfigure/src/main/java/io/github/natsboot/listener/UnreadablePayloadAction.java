package io.github.natsboot.listener;

/**
 * What a JetStream listener does with a message whose payload cannot be converted to its
 * method's parameter (or fails its validation): retrying the same bytes cannot succeed,
 * unless a later version of the application reads them.
 *
 * @see NatsListener#unreadablePayload()
 */
public enum UnreadablePayloadAction {

	/**
	 * Publish it to the dead-letter subject at once (reason {@code not-convertible}), then
	 * terminate it.
	 */
	DEAD_LETTER,

	/**
	 * Terminate it at once, without a dead letter: it is never redelivered, and only the
	 * log and the {@code term} acknowledgement counter record it.
	 */
	TERM,

	/**
	 * Handle it as any failure: negatively acknowledge it with the backoff, and
	 * dead-letter it at the max deliveries (reason {@code max-deliveries}), so that an
	 * instance that can read it may take it in between.
	 */
	NAK

}
