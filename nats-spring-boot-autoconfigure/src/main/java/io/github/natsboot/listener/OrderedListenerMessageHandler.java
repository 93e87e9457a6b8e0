package io.github.natsboot.listener;

import io.nats.client.Message;
import io.nats.client.MessageHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Handles the messages of one ordered consumer of an ordered listener: invokes the
 * listener, hands a failure to the error handler and moves on (ordered consumers are
 * not acknowledged, so nothing is redelivered), and records the stream sequence of the
 * last message it handled, which is where a replacing consumer resumes. Once retired
 * ({@link #retire(long)}), it handles nothing more: what its consumer still delivers is
 * left to the consumer that replaces it, which starts after the last message handled
 * here, so that no message is handled twice or skipped. A method that returns its
 * result asynchronously has at most one result outstanding, so that results complete in
 * stream order too.
 */
final class OrderedListenerMessageHandler implements MessageHandler, ListenerOutcomeHandler {

	private static final Log logger = LogFactory.getLog(OrderedListenerMessageHandler.class);

	private final ListenerInvoker invoker;

	private final NatsListenerAdapter adapter;

	private final boolean async;

	private final InFlightMessage inFlight = new InFlightMessage();

	private volatile boolean retired;

	private volatile long lastSequence;

	/**
	 * Create a handler.
	 * @param invoker invokes the listener
	 * @param lastSequence the stream sequence of the last message handled before, or
	 * {@code 0} for none
	 */
	OrderedListenerMessageHandler(ListenerInvoker invoker, long lastSequence) {
		this.invoker = invoker;
		this.adapter = invoker.adapter();
		this.async = this.adapter.isAsync();
		this.lastSequence = lastSequence;
	}

	@Override
	public void onMessage(Message message) {
		this.inFlight.begin(message);
		try {
			if (!this.retired) {
				process(message);
			}
		}
		catch (Throwable ex) {
			logger.error("Listener '" + this.adapter.getListenerId() + "' could not complete a message on "
					+ message.getSubject(), ex);
		}
		finally {
			this.inFlight.end();
		}
	}

	private void process(Message message) {
		long sequence = message.metaData().streamSequence();
		if (this.async) {
			if (this.invoker.invokeAsync(message, null, null, this)) {
				this.lastSequence = sequence;
			}
			return;
		}
		try {
			this.invoker.invoke(message, null);
		}
		catch (NatsListenerExecutionFailedException ex) {
			this.lastSequence = sequence;
			onOutcome(message, null, null, ex);
			return;
		}
		this.lastSequence = sequence;
	}

	@Override
	public Throwable onOutcome(Message message, NatsAcknowledgment acknowledgment, Object value,
			NatsListenerExecutionFailedException failure) {
		if (failure == null) {
			return null;
		}
		try {
			this.adapter.getErrorHandler().handleError(message, failure);
		}
		catch (Throwable ex) {
			logger.debug("Error handler of listener '" + this.adapter.getListenerId() + "' threw", ex);
		}
		return failure;
	}

	@Override
	public boolean stopsWaiting(Message message) {
		return this.retired;
	}

	/**
	 * Handle nothing more, and wait for the message being handled, if any.
	 * @param deadlineNanos when to stop waiting, in {@link System#nanoTime()} terms
	 * @return {@code false} if a message was still being handled at the deadline
	 */
	boolean retire(long deadlineNanos) {
		this.retired = true;
		while (!this.inFlight.isIdle()) {
			if (System.nanoTime() - deadlineNanos >= 0) {
				return false;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * The stream sequence of the last message handled, by this handler or before it.
	 * @return the sequence, {@code 0} for none
	 */
	long lastSequence() {
		return this.lastSequence;
	}

}
