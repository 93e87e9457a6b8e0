package io.github.natsboot.listener;

/**
 * Per-message outcomes of a batch {@link NatsListener} ({@code batch = "true"}). Declare a
 * parameter of this type next to the list to settle messages yourself, by their index in
 * the list: the messages you settle keep that outcome, the others are acknowledged when
 * the method returns, and handled as failed when it throws (negatively acknowledged with
 * the backoff, dead-lettered at the max deliveries). Call it on the thread that invokes
 * the method, before it returns.
 */
public interface NatsBatchAcknowledgment {

	/**
	 * The number of messages in the batch.
	 * @return the size of the list the method received
	 */
	int size();

	/**
	 * Acknowledge one message: it is processed and will not be redelivered.
	 * @param index its index in the list
	 */
	void ack(int index);

	/**
	 * Acknowledge every message not settled yet.
	 */
	void ackAll();

	/**
	 * Fail one message as if the method had thrown for it alone: it is negatively
	 * acknowledged with the listener's backoff for its delivery attempt, or dead-lettered
	 * at the max deliveries.
	 * @param index its index in the list
	 */
	void nak(int index);

	/**
	 * Fail every message not settled yet, as {@link #nak(int)} does.
	 */
	void nakAll();

	/**
	 * Terminate one message: it is never redelivered.
	 * @param index its index in the list
	 */
	void term(int index);

	/**
	 * Tell the server that the messages not settled yet are still being worked on,
	 * restarting their ack wait (the container does so by itself for a batch that runs
	 * longer than half the ack wait).
	 */
	void inProgress();

	/**
	 * Whether a message has been settled through this acknowledgment.
	 * @param index its index in the list
	 * @return {@code true} once acknowledged, failed or terminated
	 */
	boolean isSettled(int index);

}
