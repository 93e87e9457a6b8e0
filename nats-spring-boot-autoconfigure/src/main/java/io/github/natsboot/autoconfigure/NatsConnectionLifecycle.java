package io.github.natsboot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.core.NatsLifecyclePhases;
import io.nats.client.Connection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Drains and closes the auto-configured connection on shutdown, in the last lifecycle
 * phase: after listener containers, leader election and the web server have stopped,
 * pending messages are delivered and outgoing ones flushed within the drain timeout.
 */
public class NatsConnectionLifecycle implements SmartLifecycle {

	/**
	 * Lifecycle phase of the connection: lower than every other NATS component so that
	 * it stops last.
	 */
	public static final int PHASE = NatsLifecyclePhases.CONNECTION;

	private static final Log logger = LogFactory.getLog(NatsConnectionLifecycle.class);

	private final Connection connection;

	private final Duration drainTimeout;

	private volatile boolean running;

	/**
	 * Create a lifecycle for the given connection.
	 * @param connection the connection to drain on stop
	 * @param drainTimeout the time allowed for draining before the connection is closed
	 */
	public NatsConnectionLifecycle(Connection connection, Duration drainTimeout) {
		this.connection = connection;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.connection.getStatus() == Connection.Status.CONNECTED) {
			drain();
		}
		close();
	}

	private void drain() {
		try {
			boolean drained = this.connection.drain(this.drainTimeout)
				.get(this.drainTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
			if (!drained) {
				logger.warn("NATS connection did not drain within " + this.drainTimeout + "; closing it");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (TimeoutException ex) {
			logger.warn("NATS connection did not drain within " + this.drainTimeout + "; closing it");
		}
		catch (Exception ex) {
			logger.warn("NATS connection drain failed; closing it", ex);
		}
	}

	private void close() {
		try {
			this.connection.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
