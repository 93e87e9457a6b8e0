package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

/**
 * How a JetStream listener is bound: the stream, the durable consumer, and its failure
 * handling; or, for an ordered listener, where its ordered consumer starts.
 *
 * @param stream the stream name
 * @param consumer the durable consumer name, or {@code null} to use one named after the
 * listener and filtered on its subjects
 * @param backoff delays before redelivery after a failure, empty to use the consumer's
 * own or the default
 * @param deadLetterSubject the dead-letter subject pattern, or {@code null} for the
 * default
 * @param unreadablePayload what happens to a message whose payload cannot be converted
 * @param ordered where the ordered consumer of an ordered listener starts, or
 * {@code null} for a listener on a durable consumer
 */
public record JetStreamBinding(String stream, String consumer, List<Duration> backoff, String deadLetterSubject,
		UnreadablePayloadAction unreadablePayload, OrderedDelivery ordered) {

	/**
	 * Create a binding to a durable consumer.
	 * @param stream the stream name
	 * @param consumer the durable consumer name, or {@code null}
	 * @param backoff delays before redelivery after a failure
	 * @param deadLetterSubject the dead-letter subject pattern, or {@code null}
	 * @param unreadablePayload what happens to a message whose payload cannot be converted
	 */
	public JetStreamBinding(String stream, String consumer, List<Duration> backoff, String deadLetterSubject,
			UnreadablePayloadAction unreadablePayload) {
		this(stream, consumer, backoff, deadLetterSubject, unreadablePayload, null);
	}

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

	/**
	 * Create the binding of an ordered listener: every message of the stream (of its
	 * subjects), in order, through an ordered consumer of its own, without
	 * acknowledgements.
	 * @param stream the stream name
	 * @param delivery where the ordered consumer starts
	 * @return the binding
	 */
	public static JetStreamBinding ordered(String stream, OrderedDelivery delivery) {
		return new JetStreamBinding(stream, null, List.of(), null, UnreadablePayloadAction.DEAD_LETTER, delivery);
	}

	/**
	 * Whether this binds an ordered listener.
	 * @return {@code true} for an ordered listener
	 */
	public boolean isOrdered() {
		return this.ordered != null;
	}

}
