package io.github.natsboot.core;

import java.util.List;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Passes connection events to several listeners; one failing listener does not keep the
 * event from the others.
 */
public class CompositeConnectionListener implements ConnectionListener {

	private static final Log logger = LogFactory.getLog(CompositeConnectionListener.class);

	private final List<ConnectionListener> delegates;

	/**
	 * Create a composite of the given listeners, called in list order.
	 * @param delegates the listeners
	 */
	public CompositeConnectionListener(List<ConnectionListener> delegates) {
		this.delegates = List.copyOf(delegates);
	}

	@Override
	@SuppressWarnings("deprecation")
	public void connectionEvent(Connection connection, Events type) {
		connectionEvent(connection, type, null, null);
	}

	@Override
	public void connectionEvent(Connection connection, Events type, Long time, String uriDetails) {
		for (ConnectionListener delegate : this.delegates) {
			try {
				delegate.connectionEvent(connection, type, time, uriDetails);
			}
			catch (RuntimeException ex) {
				logger.warn("Connection listener " + delegate + " failed on " + type, ex);
			}
		}
	}

}
