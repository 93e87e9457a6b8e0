package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

import io.nats.client.Message;
import io.nats.client.MessageHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Handles the JetStream messages of one consumer worker: acknowledges after the
 * listener returns; on failure negatively acknowledges with the backoff delay of the
 * delivery attempt, or, at the consumer's max deliveries or when the payload cannot be
 * converted, dead-letters and terminates. While the container stops, messages that were
 * buffered but not started are released at once for another instance.
 */
class JetStreamListenerMessageHandler implements MessageHandler {

	private static final Log logger = LogFactory.getLog(JetStreamListenerMessageHandler.class);

	/**
	 * Delay of the redelivery of a buffered message released on stop: long enough for the
	 * stopping container to close its subscription first, so that the message goes to
	 * another instance instead of coming back to this one.
	 */
	private static final Duration RELEASE_DELAY = Duration.ofSeconds(1);

	private final NatsListenerAdapter adapter;

	private final JetStreamConsumerSettings settings;

	private final DeadLetterPublisher deadLetterPublisher;

	private final InFlightMessage inFlight;

	private final StopSignal stopSignal;

	JetStreamListenerMessageHandler(NatsListenerAdapter adapter, JetStreamConsumerSettings settings,
			DeadLetterPublisher deadLetterPublisher, InFlightMessage inFlight, StopSignal stopSignal) {
		this.adapter = adapter;
		this.settings = settings;
		this.deadLetterPublisher = deadLetterPublisher;
		this.inFlight = inFlight;
		this.stopSignal = stopSignal;
	}

	@Override
	public void onMessage(Message message) {
		if (this.stopSignal.isStopping()) {
			release(message);
			this.stopSignal.released();
			return;
		}
		this.inFlight.begin(message);
		try {
			process(message);
		}
		catch (Throwable ex) {
			logger.error("Listener '" + this.adapter.getListenerId() + "' could not settle a message on "
					+ message.getSubject(), ex);
		}
		finally {
			this.inFlight.end();
		}
	}

	private void process(Message message) {
		JetStreamAcknowledgment acknowledgment = this.adapter.acknowledgesManually()
				? new JetStreamAcknowledgment(message) : null;
		try {
			this.adapter.invoke(message, acknowledgment);
			if (acknowledgment == null) {
				message.ack();
			}
		}
		catch (NatsListenerExecutionFailedException ex) {
			handleFailure(message, ex, acknowledgment);
		}
	}

	private void handleFailure(Message message, NatsListenerExecutionFailedException failure,
			JetStreamAcknowledgment acknowledgment) {
		try {
			this.adapter.getErrorHandler().handleError(message, failure);
		}
		catch (Throwable ex) {
			logger.debug("Error handler of listener '" + this.adapter.getListenerId() + "' threw", ex);
		}
		if (acknowledgment != null && acknowledgment.isSettled()) {
			return;
		}
		if (failure.isConversionFailure()) {
			deadLetter(message, "not-convertible", failure);
			return;
		}
		long delivered = message.metaData().deliveredCount();
		int maxDeliver = this.settings.maxDeliver();
		if (maxDeliver > 0 && delivered >= maxDeliver) {
			deadLetter(message, "max-deliveries", failure);
		}
		else {
			message.nakWithDelay(backoff(delivered));
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

	private void deadLetter(Message message, String reason, Throwable failure) {
		if (this.deadLetterPublisher.publish(this.settings.deadLetterSubject(), message,
				this.adapter.getListenerId(), reason, failure)) {
			message.term();
			logger.warn("Listener '" + this.adapter.getListenerId() + "' dead-lettered a message of "
					+ message.getSubject() + " to " + this.settings.deadLetterSubject() + " (" + reason + ")");
		}
		else {
			message.nakWithDelay(backoff(message.metaData().deliveredCount()));
		}
	}

	private static void release(Message message) {
		try {
			message.nakWithDelay(RELEASE_DELAY);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not release a buffered message: " + ex);
		}
	}

}
