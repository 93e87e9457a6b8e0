package io.github.natsboot.listener;

import java.time.Duration;

import io.github.natsboot.core.NatsServiceErrorException;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Handles core NATS messages for one listener: invokes it, sends its return value as the
 * reply to requests, and turns failures into error replies after the error handler has
 * seen them. A method that returns its result asynchronously is answered the same way
 * once the result completes; at most the listener's concurrency of such results are
 * outstanding at once, and the dispatcher waits for room. Never lets a {@link Throwable}
 * escape to the dispatcher, so that one bad message cannot stop the subscription.
 */
public class CoreListenerMessageHandler implements MessageHandler {

	private static final Log logger = LogFactory.getLog(CoreListenerMessageHandler.class);

	/**
	 * Code of the error reply to a request that a stopping listener did not process.
	 */
	static final int STOPPED_CODE = 503;

	private final ListenerInvoker invoker;

	private final NatsListenerAdapter adapter;

	private final ReplySender replySender;

	private final NatsListenerMetrics metrics;

	private final boolean async;

	private final ListenerOutcomeHandler outcomes = this::onOutcome;

	/**
	 * Create a handler; see
	 * {@link NatsListenerInstrumentation#coreMessageHandler(NatsListenerEndpoint, ReplySender)}.
	 * @param invoker invokes the listener and records what the instrumentation asks for
	 * @param replySender sends replies and error replies
	 */
	CoreListenerMessageHandler(ListenerInvoker invoker, ReplySender replySender) {
		this.invoker = invoker;
		this.adapter = invoker.adapter();
		this.replySender = replySender;
		this.metrics = invoker.metrics();
		this.async = this.adapter.isAsync();
	}

	@Override
	public void onMessage(Message message) {
		handle(message);
	}

	/**
	 * Handle a message as {@link #onMessage(Message)} does, and tell how it ended.
	 * @param message the message
	 * @return {@code null} when the listener (or its error handler) completed the
	 * message, or when its result is asynchronous (its outcome comes later), else the
	 * error it ended with (and that a requester was answered with)
	 */
	public Throwable handle(Message message) {
		try {
			if (this.async) {
				if (!this.invoker.invokeAsync(message, null, null, this.outcomes)) {
					OutstandingResults.settleUnprocessed(() -> answerUnprocessed(message));
				}
				return null;
			}
			Object result;
			try {
				result = this.invoker.invoke(message, null);
			}
			catch (NatsListenerExecutionFailedException ex) {
				return onOutcome(message, null, null, ex);
			}
			return onOutcome(message, null, result, null);
		}
		catch (Throwable ex) {
			logger.error("Listener '" + this.adapter.getListenerId() + "' could not complete a message on "
					+ message.getSubject(), ex);
			return ex;
		}
	}

	/**
	 * Wait for the results of asynchronous invocations that are not complete yet, then
	 * give up on the rest and let dispatchers still waiting for room go: called by a
	 * stopping container once it has stopped receiving. A request that was not processed
	 * is answered with a {@value #STOPPED_CODE} error.
	 * @param timeout how long to wait
	 * @return {@code true} if every result completed in time
	 */
	public boolean awaitOutstandingResults(Duration timeout) {
		OutstandingResults outstanding = this.invoker.outstanding();
		boolean idle = outstanding.awaitIdle(System.nanoTime() + Math.max(0, timeout.toNanos()));
		int abandoned = outstanding.abandon();
		if (abandoned > 0) {
			logger.warn("Listener '" + this.adapter.getListenerId() + "' stopped before " + abandoned
					+ " of its asynchronous results completed");
		}
		return idle;
	}

	private Throwable onOutcome(Message message, NatsAcknowledgment acknowledgment, Object value,
			NatsListenerExecutionFailedException failure) {
		if (failure != null) {
			return handleFailure(message, failure);
		}
		String replyTo = message.getReplyTo();
		if (replyTo != null && this.adapter.returnsValue()) {
			return reply(message, replyTo, value);
		}
		return null;
	}

	private void answerUnprocessed(Message message) {
		String replyTo = message.getReplyTo();
		logger.debug("Listener '" + this.adapter.getListenerId() + "' stopped before it processed a message on "
				+ message.getSubject());
		if (replyTo != null) {
			replyWithError(replyTo, new NatsServiceErrorException(message.getSubject(), STOPPED_CODE,
					"The listener stopped before it processed the request"));
		}
	}

	private Throwable reply(Message message, String replyTo, Object value) {
		try {
			this.replySender.sendReply(replyTo, value);
			return null;
		}
		catch (RuntimeException ex) {
			this.metrics.replyFailed();
			logger.error("Listener '" + this.adapter.getListenerId() + "' could not reply to a message on "
					+ message.getSubject() + ", answered with an error instead", ex);
			return ex;
		}
	}

	private void replyWithError(String replyTo, Throwable error) {
		if (!this.replySender.sendError(replyTo, error)) {
			this.metrics.replyFailed();
		}
	}

	private Throwable handleFailure(Message message, NatsListenerExecutionFailedException failure) {
		Object fallback;
		Throwable error = failure;
		try {
			fallback = this.adapter.getErrorHandler().handleError(message, failure);
		}
		catch (Throwable ex) {
			fallback = null;
			error = ex;
		}
		String replyTo = message.getReplyTo();
		if (replyTo != null) {
			if (fallback != null) {
				return reply(message, replyTo, fallback);
			}
			replyWithError(replyTo, error);
		}
		return (fallback != null) ? null : error;
	}

}
