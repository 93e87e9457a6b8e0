package io.github.natsboot.listener;

import java.util.List;

import io.nats.client.Message;

/**
 * {@link NatsBatchAcknowledgment} of the messages of one batch, used on the thread that
 * invokes the listener.
 */
final class JetStreamBatchAcknowledgment implements NatsBatchAcknowledgment {

	private final String listenerId;

	private final List<Message> messages;

	private final JetStreamAcknowledger acknowledger;

	private final JetStreamFailures failures;

	private final boolean[] settled;

	JetStreamBatchAcknowledgment(String listenerId, List<Message> messages, JetStreamAcknowledger acknowledger,
			JetStreamFailures failures) {
		this.listenerId = listenerId;
		this.messages = messages;
		this.acknowledger = acknowledger;
		this.failures = failures;
		this.settled = new boolean[messages.size()];
	}

	@Override
	public int size() {
		return this.messages.size();
	}

	@Override
	public void ack(int index) {
		if (settle(index)) {
			this.acknowledger.ack(this.messages.get(index));
		}
	}

	@Override
	public void ackAll() {
		for (int i = 0; i < this.settled.length; i++) {
			ack(i);
		}
	}

	@Override
	public void nak(int index) {
		if (settle(index)) {
			Message message = this.messages.get(index);
			this.failures.settle(message, new NatsListenerExecutionFailedException(this.listenerId,
					message.getSubject(), false, new NatsBatchListenerFailedException(
							"Message " + index + " of the batch was negatively acknowledged by the listener", index)));
		}
	}

	@Override
	public void nakAll() {
		for (int i = 0; i < this.settled.length; i++) {
			nak(i);
		}
	}

	@Override
	public void term(int index) {
		if (settle(index)) {
			this.acknowledger.term(this.messages.get(index));
		}
	}

	@Override
	public void inProgress() {
		for (int i = 0; i < this.settled.length; i++) {
			if (!this.settled[i]) {
				this.messages.get(i).inProgress();
			}
		}
	}

	@Override
	public boolean isSettled(int index) {
		return this.settled[checkIndex(index)];
	}

	private boolean settle(int index) {
		if (this.settled[checkIndex(index)]) {
			return false;
		}
		this.settled[index] = true;
		return true;
	}

	private int checkIndex(int index) {
		if (index < 0 || index >= this.settled.length) {
			throw new IndexOutOfBoundsException("Index " + index + " is outside the batch of " + this.settled.length
					+ " messages");
		}
		return index;
	}

}
