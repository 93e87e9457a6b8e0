package io.github.natsboot.autoconfigure;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.core.NatsPermissionViolation;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.support.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs connection events and errors at levels an operator expects: connects and
 * reconnects at INFO, disconnects, lame duck mode and slow consumers at WARN, server
 * errors and permission violations at ERROR. While disconnected, each failed reconnect
 * attempt is logged at DEBUG only, so an outage gives one warning rather than one per
 * attempt. Never logs credentials.
 */
class NatsConnectionEventLogger implements ConnectionListener, ErrorListener {

	private static final Log logger = LogFactory.getLog("io.github.natsboot.connection");

	private volatile boolean disconnected;

	@Override
	public void connectionEvent(Connection connection, Events type) {
		connectionEvent(connection, type, null, null);
	}

	@Override
	public void connectionEvent(Connection connection, Events type, Long time, String uriDetails) {
		switch (type) {
			case CONNECTED -> {
				this.disconnected = false;
				logger.info("Connected to NATS " + describe(connection));
			}
			case RECONNECTED -> {
				this.disconnected = false;
				logger.info("Reconnected to NATS " + describe(connection));
			}
			case DISCONNECTED -> logDisconnected(uriDetails);
			case CLOSED -> logger.info("NATS connection closed");
			case LAME_DUCK -> logger.warn("NATS server " + orServer(uriDetails)
					+ " entered lame duck mode and will shut down; the client will move to another server");
			case RESUBSCRIBED -> logger.debug("NATS subscriptions re-established");
			case DISCOVERED_SERVERS -> logger.debug("Discovered NATS servers " + connection.getServers());
		}
	}

	private void logDisconnected(String uriDetails) {
		String message = "Disconnected from NATS " + orServer(uriDetails) + ", reconnecting";
		if (this.disconnected) {
			logger.debug(message);
		}
		else {
			this.disconnected = true;
			logger.warn(message);
		}
	}

	@Override
	public void errorOccurred(Connection connection, String error) {
		NatsPermissionViolation violation = NatsPermissionViolation.parse(error);
		if (violation == null) {
			logger.error("NATS server error: " + error);
		}
		else if (violation.operation() == NatsPermissionViolation.Operation.PUBLISH) {
			logger.error("NATS permission violation: the server dropped a message published to '" + violation.subject()
					+ "' (" + error + "); the connection stays open");
		}
		else {
			logger.error("NATS permission violation: the server refused the subscription to '" + violation.subject()
					+ "', which receives nothing (" + error + "); the connection stays open");
		}
	}

	@Override
	public void exceptionOccurred(Connection connection, Exception exception) {
		Throwable cause = (exception instanceof ExecutionException && exception.getCause() != null)
				? exception.getCause() : exception;
		if (cause instanceof IOException || cause instanceof TimeoutException) {
			if (this.disconnected) {
				logger.debug("NATS reconnect attempt failed: " + cause);
			}
			else {
				logger.warn("NATS connection problem: " + cause);
			}
		}
		else {
			logger.error("NATS connection exception", cause);
		}
	}

	@Override
	public void slowConsumerDetected(Connection connection, Consumer consumer) {
		logger.warn("NATS slow consumer: pending limits reached, " + consumer.getDroppedCount()
				+ " messages dropped so far");
	}

	@Override
	public void messageDiscarded(Connection connection, Message message) {
		logger.warn("NATS outgoing message discarded on subject " + message.getSubject());
	}

	@Override
	public void heartbeatAlarm(Connection connection, JetStreamSubscription subscription, long lastStreamSequence,
			long lastConsumerSequence) {
		logger.warn("JetStream heartbeats missed (last stream sequence " + lastStreamSequence
				+ ", last consumer sequence " + lastConsumerSequence + ")");
	}

	@Override
	public void unhandledStatus(Connection connection, JetStreamSubscription subscription, Status status) {
		logger.warn("Unhandled JetStream status " + status);
	}

	@Override
	public void pullStatusWarning(Connection connection, JetStreamSubscription subscription, Status status) {
		logger.debug("JetStream pull status " + status);
	}

	@Override
	public void pullStatusError(Connection connection, JetStreamSubscription subscription, Status status) {
		logger.error("JetStream pull error " + status);
	}

	@Override
	public void socketWriteTimeout(Connection connection) {
		logger.warn("NATS socket write timed out on " + uriOf(connection));
	}

	private static String describe(Connection connection) {
		var info = connection.getServerInfo();
		if (info == null) {
			return uriOf(connection);
		}
		return uriOf(connection) + " (server " + info.getServerName() + ", version " + info.getVersion()
				+ ((info.getCluster() != null) ? ", cluster " + info.getCluster() : "") + ")";
	}

	private static String uriOf(Connection connection) {
		return orServer((connection != null) ? connection.getConnectedUrl() : null);
	}

	private static String orServer(String uri) {
		return (uri != null) ? uri : "server";
	}

}
