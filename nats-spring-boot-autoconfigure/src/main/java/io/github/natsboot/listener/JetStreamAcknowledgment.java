package io.github.natsboot.listener;

import java.time.Duration;

import io.nats.client.Message;

/**
 * {@link NatsAcknowledgment} of one JetStream message.
 */
final class JetStreamAcknowledgment implements NatsAcknowledgment {

	private final Message message;

	private final JetStreamAcknowledger acknowledger;

	private volatile boolean settled;

	JetStreamAcknowledgment(Message message, JetStreamAcknowledger acknowledger) {
		this.message = message;
		this.acknowledger = acknowledger;
	}

	@Override
	public void ack() {
		this.acknowledger.ack(this.message);
		this.settled = true;
	}

	@Override
	public void nak() {
		this.acknowledger.nak(this.message);
		this.settled = true;
	}

	@Override
	public void nak(Duration delay) {
		this.acknowledger.nak(this.message, delay);
		this.settled = true;
	}

	@Override
	public void term() {
		this.acknowledger.term(this.message);
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
