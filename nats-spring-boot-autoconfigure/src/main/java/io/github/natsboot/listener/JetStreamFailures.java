package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Settles a JetStream message its listener failed on, the one place the single-message
 * and the batch handlers do so: a payload that cannot be converted is dead-lettered or
 * terminated at once (as {@link UnreadablePayloadAction} says), a message at the
 * listener's max deliveries is dead-lettered ({@link DeadLetters}), any other is
 * negatively acknowledged with the backoff delay of its delivery attempt.
 */
final class JetStreamFailures {

	private static final Log logger = LogFactory.getLog(JetStreamFailures.class);

	private final String listenerId;

	private final JetStreamAcknowledger acknowledger;

	private final JetStreamConsumerSettings settings;

	private final DeadLetters deadLetters;

	JetStreamFailures(String listenerId, JetStreamAcknowledger acknowledger, JetStreamConsumerSettings settings,
			DeadLetters deadLetters) {
		this.listenerId = listenerId;
		this.acknowledger = acknowledger;
		this.settings = settings;
		this.deadLetters = deadLetters;
	}

	/**
	 * Settle a message the listener failed on (its error handler has seen the failure).
	 * @param message the message
	 * @param failure the failure
	 */
	void settle(Message message, NatsListenerExecutionFailedException failure) {
		UnreadablePayloadAction unreadablePayload = this.settings.unreadablePayload();
		if (failure.isConversionFailure() && unreadablePayload != UnreadablePayloadAction.NAK) {
			if (unreadablePayload == UnreadablePayloadAction.TERM) {
				logger.warn("Listener '" + this.listenerId + "' terminated a message of " + message.getSubject()
						+ " whose payload it cannot read: " + failure.getCause());
				this.acknowledger.term(message);
			}
			else {
				this.deadLetters.deadLetter(message, NatsListenerMetrics.NOT_CONVERTIBLE, failure);
			}
			return;
		}
		long delivered = message.metaData().deliveredCount();
		int maxDeliver = this.settings.maxDeliver();
		if (maxDeliver > 0 && delivered >= maxDeliver) {
			this.deadLetters.deadLetter(message, NatsListenerMetrics.MAX_DELIVERIES, failure);
		}
		else {
			this.acknowledger.nak(message, backoff(delivered));
		}
	}

	/**
	 * Hand back a message the listener did not get to (those after the one a batch failed
	 * on) for redelivery at once; one on the last delivery the server allows, which would
	 * never come back, is dead-lettered instead, as the failure of its batch.
	 * @param message the message
	 * @param failure the failure of its batch
	 */
	void redeliver(Message message, NatsListenerExecutionFailedException failure) {
		if (this.settings.isLastDelivery(message)) {
			this.deadLetters.deadLetter(message, NatsListenerMetrics.MAX_DELIVERIES, failure);
		}
		else {
			this.acknowledger.nak(message, Duration.ZERO);
		}
	}

	private Duration backoff(long delivered) {
		List<Duration> backoff = this.settings.backoff();
		if (backoff.isEmpty()) {
			return Duration.ZERO;
		}
		int index = (int) Math.min(Math.max(delivered - 1, 0), backoff.size() - 1);
		return backoff.get(index);
	}

}
