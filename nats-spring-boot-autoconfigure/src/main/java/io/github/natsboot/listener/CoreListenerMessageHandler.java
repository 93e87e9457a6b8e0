package io.github.natsboot.listener;

import io.nats.client.Message;
import io.nats.client.MessageHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Handles core NATS messages for one listener: invokes it, sends its return value as the
 * reply to requests, and turns failures into error replies after the error handler has
 * seen them. Never lets a {@link Throwable} escape to the dispatcher, so that one bad
 * message cannot stop the subscription.
 */
public class CoreListenerMessageHandler implements MessageHandler {

	private static final Log logger = LogFactory.getLog(CoreListenerMessageHandler.class);

	private final ListenerInvoker invoker;

	private final NatsListenerAdapter adapter;

	private final ReplySender replySender;

	private final NatsListenerMetrics metrics;

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
	}

	@Override
	public void onMessage(Message message) {
		handle(message);
	}

	/**
	 * Handle a message as {@link #onMessage(Message)} does, and tell how it ended.
	 * @param message the message
	 * @return {@code null} when the listener (or its error handler) completed the
	 * message, else the error it ended with (and that a requester was answered with)
	 */
	public Throwable handle(Message message) {
		try {
			Object result = this.invoker.invoke(message, null);
			String replyTo = message.getReplyTo();
			if (replyTo != null && this.adapter.returnsValue()) {
				return reply(message, replyTo, result);
			}
			return null;
		}
		catch (NatsListenerExecutionFailedException ex) {
			return handleFailure(message, ex);
		}
		catch (Throwable ex) {
			logger.error("Listener '" + this.adapter.getListenerId() + "' could not complete a message on "
					+ message.getSubject(), ex);
			return ex;
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
