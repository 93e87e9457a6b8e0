package io.github.natsboot.listener;

import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Handles the JetStream messages of one consumer worker: acknowledges after the
 * listener returns; on failure negatively acknowledges with the backoff delay of the
 * delivery attempt, or, at the listener's max deliveries or when the payload cannot be
 * converted, dead-letters ({@link DeadLetters}: terminated once the dead letter is safe).
 * A message delivered more often than the max deliveries (one that was released without
 * being processed, or whose dead letter could not be published before a stop) is
 * processed like any other, and dead-lettered if it fails. While the workers stop,
 * messages that were buffered but not started are released at once for another
 * instance, except one on the last delivery the server allows (a release counts as a
 * delivery, so the server would never deliver it again): that one is processed first.
 * A method that returns its result asynchronously settles its message the same way once
 * the result completes; a worker waiting for room for another outstanding result
 * ({@link OutstandingResults}) stops pulling, and while stopping releases the message it
 * waits with like a buffered one.
 */
class JetStreamListenerMessageHandler implements JetStreamWorkerHandler, ListenerOutcomeHandler {

	private static final Log logger = LogFactory.getLog(JetStreamListenerMessageHandler.class);

	private final ListenerInvoker invoker;

	private final NatsListenerAdapter adapter;

	private final JetStreamAcknowledger acknowledger;

	private final JetStreamConsumerSettings settings;

	private final JetStreamFailures failures;

	private final InFlightMessage inFlight;

	private final StopSignal stopSignal;

	private final boolean async;

	JetStreamListenerMessageHandler(ListenerInvoker invoker, JetStreamAcknowledger acknowledger,
			JetStreamConsumerSettings settings, DeadLetters deadLetters, InFlightMessage inFlight,
			StopSignal stopSignal) {
		this.invoker = invoker;
		this.adapter = invoker.adapter();
		this.acknowledger = acknowledger;
		this.settings = settings;
		this.failures = new JetStreamFailures(this.adapter.getListenerId(), acknowledger, settings, deadLetters);
		this.inFlight = inFlight;
		this.stopSignal = stopSignal;
		this.async = this.adapter.isAsync();
	}

	@Override
	public void onMessage(Message message) {
		if (this.stopSignal.isStopping() && !this.settings.isLastDelivery(message)) {
			release(message);
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

	@Override
	public boolean isIdle() {
		return this.inFlight.isIdle();
	}

	@Override
	public void keepAlive(long intervalNanos) {
		this.inFlight.keepAlive(intervalNanos);
	}

	private void process(Message message) {
		JetStreamAcknowledgment acknowledgment = this.adapter.acknowledgesManually()
				? new JetStreamAcknowledgment(message, this.acknowledger) : null;
		if (this.async) {
			if (!this.invoker.invokeAsync(message, acknowledgment, this.inFlight, this)) {
				OutstandingResults.settleUnprocessed(() -> release(message));
			}
			return;
		}
		try {
			this.invoker.invoke(message, acknowledgment);
		}
		catch (NatsListenerExecutionFailedException ex) {
			onOutcome(message, acknowledgment, null, ex);
			return;
		}
		onOutcome(message, acknowledgment, null, null);
	}

	@Override
	public Throwable onOutcome(Message message, NatsAcknowledgment acknowledgment, Object value,
			NatsListenerExecutionFailedException failure) {
		if (failure != null) {
			handleFailure(message, failure, acknowledgment);
			return failure;
		}
		if (acknowledgment == null) {
			this.acknowledger.ack(message);
		}
		return null;
	}

	@Override
	public boolean stopsWaiting(Message message) {
		return this.stopSignal.isStopping() && !this.settings.isLastDelivery(message);
	}

	private void handleFailure(Message message, NatsListenerExecutionFailedException failure,
			NatsAcknowledgment acknowledgment) {
		try {
			this.adapter.getErrorHandler().handleError(message, failure);
		}
		catch (Throwable ex) {
			logger.debug("Error handler of listener '" + this.adapter.getListenerId() + "' threw", ex);
		}
		if (acknowledgment != null && acknowledgment.isSettled()) {
			return;
		}
		this.failures.settle(message, failure);
	}

	private void release(Message message) {
		try {
			this.acknowledger.release(message);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not release a buffered message: " + ex);
		}
	}

}
