package io.github.natsboot.core;

import java.util.List;
import java.util.function.Consumer;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.support.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Passes error callbacks to several listeners; one failing listener does not keep the
 * callback from the others.
 */
public class CompositeErrorListener implements ErrorListener {

	private static final Log logger = LogFactory.getLog(CompositeErrorListener.class);

	private final List<ErrorListener> delegates;

	/**
	 * Create a composite of the given listeners, called in list order.
	 * @param delegates the listeners
	 */
	public CompositeErrorListener(List<ErrorListener> delegates) {
		this.delegates = List.copyOf(delegates);
	}

	@Override
	public void errorOccurred(Connection connection, String error) {
		each((listener) -> listener.errorOccurred(connection, error));
	}

	@Override
	public void exceptionOccurred(Connection connection, Exception exception) {
		each((listener) -> listener.exceptionOccurred(connection, exception));
	}

	@Override
	public void slowConsumerDetected(Connection connection, io.nats.client.Consumer consumer) {
		each((listener) -> listener.slowConsumerDetected(connection, consumer));
	}

	@Override
	public void messageDiscarded(Connection connection, Message message) {
		each((listener) -> listener.messageDiscarded(connection, message));
	}

	@Override
	public void heartbeatAlarm(Connection connection, JetStreamSubscription subscription, long lastStreamSequence,
			long lastConsumerSequence) {
		each((listener) -> listener.heartbeatAlarm(connection, subscription, lastStreamSequence,
				lastConsumerSequence));
	}

	@Override
	public void unhandledStatus(Connection connection, JetStreamSubscription subscription, Status status) {
		each((listener) -> listener.unhandledStatus(connection, subscription, status));
	}

	@Override
	public void pullStatusWarning(Connection connection, JetStreamSubscription subscription, Status status) {
		each((listener) -> listener.pullStatusWarning(connection, subscription, status));
	}

	@Override
	public void pullStatusError(Connection connection, JetStreamSubscription subscription, Status status) {
		each((listener) -> listener.pullStatusError(connection, subscription, status));
	}

	@Override
	public void flowControlProcessed(Connection connection, JetStreamSubscription subscription, String subject,
			FlowControlSource source) {
		each((listener) -> listener.flowControlProcessed(connection, subscription, subject, source));
	}

	@Override
	public void socketWriteTimeout(Connection connection) {
		each((listener) -> listener.socketWriteTimeout(connection));
	}

	private void each(Consumer<ErrorListener> callback) {
		for (ErrorListener delegate : this.delegates) {
			try {
				callback.accept(delegate);
			}
			catch (RuntimeException ex) {
				logger.warn("Error listener " + delegate + " failed", ex);
			}
		}
	}

}
