package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

import io.nats.client.Message;

/**
 * What a JetStream listener worker needs to know about its consumer, read once when the
 * container starts.
 *
 * @param ackWait the consumer's ack wait
 * @param maxDeliver the delivery from which a failure makes the listener give up on a
 * message, or a value below 1 for unlimited
 * @param serverMaxDeliver the consumer's own max deliveries, enforced by the server, or a
 * value below 1 when the server redelivers without limit (the consumers listeners create
 * for themselves: the listener counts their deliveries itself, so that a message is never
 * stranded by deliveries that did not reach the listener, and a message whose dead letter
 * could not be published before a stop is redelivered)
 * @param backoff the redelivery delays after a failure
 * @param serverBackoff the consumer's own backoff, which the server applies to
 * redeliveries (and whose first entry is then the ack wait), empty for none
 * @param deadLetterSubject where messages go when the listener gives up
 * @param unreadablePayload what happens to a message whose payload cannot be converted
 */
record JetStreamConsumerSettings(Duration ackWait, int maxDeliver, int serverMaxDeliver, List<Duration> backoff,
		List<Duration> serverBackoff, String deadLetterSubject, UnreadablePayloadAction unreadablePayload) {

	private static final Duration SHORTEST_NAK_DELAY = Duration.ofMillis(1);

	/**
	 * The delay to negatively acknowledge a message with so that the server redelivers
	 * it after {@code delay}. nats-server times a delayed nak from the end of the ack
	 * wait, and for a consumer with its own backoff it waits for the backoff entry of the
	 * delivery (the last one repeating) instead of the ack wait, which it set to the first
	 * entry: the message would come back after {@code delay} plus the difference between
	 * that entry and the first. That difference is taken off here; a delay shorter than
	 * it cannot be expressed, and the message comes back after the difference instead.
	 * @param delay the delay wanted before the redelivery; zero for at once
	 * @param message the message, whose delivery count is read only for a consumer
	 * with a backoff of its own
	 * @return the delay to send with the nak
	 */
	Duration nakDelay(Duration delay, Message message) {
		if (this.serverBackoff.isEmpty() || delay.isZero() || delay.isNegative()) {
			return delay;
		}
		long delivered = message.metaData().deliveredCount();
		int index = (int) Math.min(Math.max(delivered - 1, 0), this.serverBackoff.size() - 1);
		Duration adjusted = delay.minus(this.serverBackoff.get(index)).plus(this.ackWait);
		return (adjusted.compareTo(SHORTEST_NAK_DELAY) > 0) ? adjusted : SHORTEST_NAK_DELAY;
	}

	/**
	 * Whether this delivery of the message is the last the server allows: a release
	 * counts as a delivery, so a released message on its last one would never come back.
	 * A stopping worker processes such a message instead of releasing it. Consumers
	 * whose deliveries the listener counts itself are redelivered without limit.
	 * @param message a message of the consumer
	 * @return {@code true} if releasing it would use up its last delivery
	 */
	boolean isLastDelivery(Message message) {
		return this.serverMaxDeliver > 0 && message.metaData().deliveredCount() >= this.serverMaxDeliver;
	}

}
