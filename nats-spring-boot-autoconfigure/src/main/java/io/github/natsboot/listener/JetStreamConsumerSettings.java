package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

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
 * @param deadLetterSubject where messages go when the listener gives up
 * @param unreadablePayload what happens to a message whose payload cannot be converted
 */
record JetStreamConsumerSettings(Duration ackWait, int maxDeliver, int serverMaxDeliver, List<Duration> backoff,
		String deadLetterSubject, UnreadablePayloadAction unreadablePayload) {

}
