package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

import io.nats.client.Message;

/**
 * What a JetStream listener worker needs to know about its consumer, read once when the
 * container starts.
 *
 * @param ackWait the consumer's ack wait
 * @param maxDeliver the deliveries after which the listener gives up on a message, or a
 * value below 1 for unlimited
 * @param serverMaxDeliver the consumer's own max deliveries, enforced by the server, or a
 * value below 1 when the server redelivers without limit (the consumers listeners create
 * for themselves: the listener counts their deliveries itself, so that a message it could
 * not dead-letter before stopping is redelivered)
 * @param backoff the redelivery delays after a failure
 * @param deadLetterSubject where messages go when the listener gives up
 * @param ackSubjectPrefix the start of the acknowledgement subjects of the consumer's
 * messages, up to their delivery count
 * @param unreadablePayload what happens to a message whose payload cannot be converted
 */
record JetStreamConsumerSettings(Duration ackWait, int maxDeliver, int serverMaxDeliver, List<Duration> backoff,
		String deadLetterSubject, String ackSubjectPrefix, UnreadablePayloadAction unreadablePayload) {

	/**
	 * Whether the message was delivered more often than the listener's max deliveries:
	 * the listener failed on it that often before and could not dead-letter it. Cheap for
	 * a first delivery, the common case: its delivery count is read from the
	 * acknowledgement subject without parsing the message's metadata.
	 * @param message a message of the consumer
	 * @return {@code true} if it is to be dead-lettered without invoking the listener
	 */
	boolean isBeyondMaxDeliver(Message message) {
		if (this.maxDeliver <= 0 || this.maxDeliver == this.serverMaxDeliver || isFirstDelivery(message)) {
			return false;
		}
		return message.metaData().deliveredCount() > this.maxDeliver;
	}

	/**
	 * Whether this delivery of the message is its last: every delivery counts, a release
	 * too, so once released the message would either not come back (the server enforces
	 * the consumer's max deliveries) or come back to be dead-lettered without invoking the
	 * listener (the listener counts them). A stopping worker processes such a message
	 * instead of releasing it. Cheap for a first delivery, as {@link #isBeyondMaxDeliver}.
	 * @param message a message of the consumer
	 * @return {@code true} if releasing it would use up its last delivery
	 */
	boolean isLastDelivery(Message message) {
		if (this.maxDeliver <= 0) {
			return false;
		}
		if (this.maxDeliver > 1 && isFirstDelivery(message)) {
			return false;
		}
		return message.metaData().deliveredCount() >= this.maxDeliver;
	}

	private boolean isFirstDelivery(Message message) {
		String replyTo = message.getReplyTo();
		int count = this.ackSubjectPrefix.length();
		return replyTo != null && replyTo.length() > count + 1 && replyTo.startsWith(this.ackSubjectPrefix)
				&& replyTo.charAt(count) == '1' && replyTo.charAt(count + 1) == '.';
	}

}
