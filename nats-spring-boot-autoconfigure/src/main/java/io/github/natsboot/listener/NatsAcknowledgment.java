package io.github.natsboot.listener;

import java.time.Duration;

/**
 * Manual acknowledgment of a JetStream message. Declare a parameter of this type on a
 * JetStream {@link NatsListener} method to acknowledge yourself; the container then does
 * not acknowledge after the method returns. A method that throws without having
 * acknowledged is still negatively acknowledged or dead-lettered.
 */
public interface NatsAcknowledgment {

	/**
	 * Acknowledge: the message is processed and will not be redelivered.
	 */
	void ack();

	/**
	 * Negatively acknowledge: redeliver the message at once.
	 */
	void nak();

	/**
	 * Negatively acknowledge: redeliver the message after a delay.
	 * @param delay the delay
	 */
	void nak(Duration delay);

	/**
	 * Terminate: never redeliver the message.
	 */
	void term();

	/**
	 * Tell the server the message is still being worked on, restarting its ack-wait.
	 */
	void inProgress();

	/**
	 * Whether {@link #ack()}, {@link #nak()} or {@link #term()} was called.
	 * @return {@code true} once the message is settled
	 */
	boolean isSettled();

}
