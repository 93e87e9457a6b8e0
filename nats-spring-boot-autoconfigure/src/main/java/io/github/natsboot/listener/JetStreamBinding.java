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
 * @param unreadablePayload what happens to a message whose payload cannot be converted
 */
public record JetStreamBinding(String stream, String consumer, List<Duration> backoff, String deadLetterSubject,
		UnreadablePayloadAction unreadablePayload) {

	/**
	 * Create a binding that dead-letters unreadable payloads.
	 * @param stream the stream name
	 * @param consumer the durable consumer name, or {@code null}
	 * @param backoff delays before redelivery after a failure
	 * @param deadLetterSubject the dead-letter subject pattern, or {@code null}
	 */
	public JetStreamBinding(String stream, String consumer, List<Duration> backoff, String deadLetterSubject) {
		this(stream, consumer, backoff, deadLetterSubject, UnreadablePayloadAction.DEAD_LETTER);
	}

}
