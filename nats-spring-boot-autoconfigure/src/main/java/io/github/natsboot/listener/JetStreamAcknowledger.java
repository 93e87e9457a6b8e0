package io.github.natsboot.listener;

import java.time.Duration;

import io.nats.client.Message;

/**
 * Acknowledges JetStream messages of one listener and counts what it did: the one place
 * where the container and {@link NatsAcknowledgment} settle messages.
 */
final class JetStreamAcknowledger {

	private final NatsListenerMetrics metrics;

	JetStreamAcknowledger(NatsListenerMetrics metrics) {
		this.metrics = metrics;
	}

	void ack(Message message) {
		message.ack();
		this.metrics.acked();
	}

	void nak(Message message) {
		message.nak();
		this.metrics.naked();
	}

	void nak(Message message, Duration delay) {
		message.nakWithDelay(delay);
		this.metrics.naked();
	}

	void term(Message message) {
		message.term();
		this.metrics.termed();
	}

}
