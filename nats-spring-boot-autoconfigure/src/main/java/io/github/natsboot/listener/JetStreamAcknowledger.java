package io.github.natsboot.listener;

import java.time.Duration;

import io.nats.client.Message;

/**
 * Acknowledges JetStream messages of one listener and counts what it did: the one place
 * where the container and {@link NatsAcknowledgment} settle messages.
 */
final class JetStreamAcknowledger {

	private static final Duration RELEASE_DELAY = Duration.ofSeconds(1);

	private final NatsListenerMetrics metrics;

	private final JetStreamConsumerSettings settings;

	JetStreamAcknowledger(NatsListenerMetrics metrics, JetStreamConsumerSettings settings) {
		this.metrics = metrics;
		this.settings = settings;
	}

	void ack(Message message) {
		message.ack();
		this.metrics.acked();
	}

	void nak(Message message) {
		message.nak();
		this.metrics.naked();
	}

	/**
	 * Negatively acknowledge a message for redelivery after a delay, counted from now
	 * also on a consumer with a backoff of its own (see
	 * {@link JetStreamConsumerSettings#nakDelay(Duration, Message)}).
	 * @param message the message
	 * @param delay the delay before the redelivery
	 */
	void nak(Message message, Duration delay) {
		message.nakWithDelay(this.settings.nakDelay(delay, message));
		this.metrics.naked();
	}

	/**
	 * Hand a message back for redelivery when its container stops, after a delay long
	 * enough for the stopping container to close its subscription first, so that the
	 * message goes to another instance instead of coming back to this one.
	 * @param message the message
	 */
	void release(Message message) {
		nak(message, RELEASE_DELAY);
	}

	void term(Message message) {
		message.term();
		this.metrics.termed();
	}

}
