package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

/**
 * What a JetStream listener worker needs to know about its consumer, read once when the
 * container starts.
 *
 * @param ackWait the consumer's ack wait
 * @param maxDeliver the consumer's max deliveries, or a value below 1 for unlimited
 * @param backoff the redelivery delays after a failure
 * @param deadLetterSubject where messages go when the listener gives up
 */
record JetStreamConsumerSettings(Duration ackWait, int maxDeliver, List<Duration> backoff, String deadLetterSubject) {

}
