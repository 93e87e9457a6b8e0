package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

/**
 * How a JetStream listener is bound: the stream, the durable consumer, and its failure
 * handling.
 *
 * @param stream the stream name
 * @param consumer the durable consumer name, or {@code null} to use one named after the
 * listener and filtered on its subjects
 * @param backoff delays before redelivery after a failure, empty to use the consumer's
 * own or the default
 * @param deadLetterSubject the dead-letter subject pattern, or {@code null} for the
 * default
 */
public record JetStreamBinding(String stream, String consumer, List<Duration> backoff, String deadLetterSubject) {

}
