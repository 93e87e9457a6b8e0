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
class CoreListenerMessageHandler implements MessageHandler {

	private static final Log logger = LogFactory.getLog(CoreListenerMessageHandler.class);

	private final ListenerInvoker invoker;

	private final NatsListenerAdapter adapter;

	private final ReplySender replySender;

	CoreListenerMessageHandler(ListenerInvoker invoker, ReplySender replySender) {
		this.invoker = invoker;
		this.adapter = invoker.adapter();
		this.replySender = replySender;
	}

	@Override
	public void onMessage(Message message) {
		try {
			Object result = this.invoker.invoke(message, null);
			String replyTo = message.getReplyTo();
			if (replyTo != null && this.adapter.returnsValue()) {
				this.replySender.sendReply(replyTo, result);
			}
		}
		catch (NatsListenerExecutionFailedException ex) {
			handleFailure(message, ex);
		}
		catch (Throwable ex) {
			logger.error("Listener '" + this.adapter.getListenerId() + "' could not complete a message on "
					+ message.getSubject(), ex);
		}
	}

	private void handleFailure(Message message, NatsListenerExecutionFailedException failure) {
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
		if (replyTo == null) {
			return;
		}
		if (fallback != null) {
			this.replySender.sendReply(replyTo, fallback);
		}
		else {
			this.replySender.sendError(replyTo, error);
		}
	}

}
