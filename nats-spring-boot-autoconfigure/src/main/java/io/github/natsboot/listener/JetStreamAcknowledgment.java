package io.github.natsboot.listener;

import java.time.Duration;

import io.nats.client.Message;

/**
 * {@link NatsAcknowledgment} of one JetStream message.
 */
final class JetStreamAcknowledgment implements NatsAcknowledgment {

	private final Message message;

	private volatile boolean settled;

	JetStreamAcknowledgment(Message message) {
		this.message = message;
	}

	@Override
	public void ack() {
		this.message.ack();
		this.settled = true;
	}

	@Override
	public void nak() {
		this.message.nak();
		this.settled = true;
	}

	@Override
	public void nak(Duration delay) {
		this.message.nakWithDelay(delay);
		this.settled = true;
	}

	@Override
	public void term() {
		this.message.term();
		this.settled = true;
	}

	@Override
	public void inProgress() {
		this.message.inProgress();
	}

	@Override
	public boolean isSettled() {
		return this.settled;
	}

}
