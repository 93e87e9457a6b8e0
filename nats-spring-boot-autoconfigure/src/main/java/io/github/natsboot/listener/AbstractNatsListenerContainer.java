package io.github.natsboot.listener;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.core.NatsFlushes;
import io.nats.client.Connection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Base class of listener containers: the lifecycle state (running, paused, a failed
 * start) and its transitions, guarded by one monitor, so that containers only say how
 * they subscribe, stop, pause, resume and tell whether they still receive messages.
 */
public abstract class AbstractNatsListenerContainer implements NatsListenerContainer {

	private static final Log logger = LogFactory.getLog(AbstractNatsListenerContainer.class);

	private static final Duration SUBSCRIPTION_FLUSH_TIMEOUT = Duration.ofSeconds(2);

	private final NatsListenerEndpoint endpoint;

	/**
	 * Guards the lifecycle transitions; subclasses hold it when they change their
	 * subscriptions outside of them (for example after a reconnect).
	 */
	protected final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private volatile boolean paused;

	private volatile boolean startFailed;

	/**
	 * Create a container.
	 * @param endpoint the listener
	 */
	protected AbstractNatsListenerContainer(NatsListenerEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Return the listener this container runs.
	 * @return the endpoint
	 */
	public NatsListenerEndpoint getEndpoint() {
		return this.endpoint;
	}

	@Override
	public String getListenerId() {
		return this.endpoint.getId();
	}

	@Override
	public String getConnectionName() {
		return this.endpoint.getConnection();
	}

	@Override
	public boolean isAutoStartup() {
		return this.endpoint.isAutoStartup();
	}

	@Override
	public final void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			try {
				doStart();
			}
			catch (RuntimeException ex) {
				this.startFailed = true;
				throw ex;
			}
			this.paused = false;
			this.startFailed = false;
			this.running = true;
		}
	}

	@Override
	public final void stop() {
		synchronized (this.lifecycleMonitor) {
			this.startFailed = false;
			if (!this.running) {
				return;
			}
			this.running = false;
			doStop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public final void pause() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running || this.paused) {
				return;
			}
			doPause();
			this.paused = true;
		}
	}

	@Override
	public final void resume() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running || !this.paused) {
				return;
			}
			doResume();
			this.paused = false;
		}
	}

	@Override
	public boolean isPaused() {
		return this.paused;
	}

	@Override
	public final boolean isInExpectedState() {
		if (!this.running) {
			return !this.startFailed;
		}
		return this.paused || isReceiving();
	}

	/**
	 * Wait until the server has registered the subscriptions just made (a PING/PONG
	 * round trip), so that a message published once {@link #start()} or
	 * {@link #resume()} has returned is received. Skipped while disconnected: the
	 * subscriptions are then sent when the connection is established.
	 * @param connection the connection the subscriptions were made on
	 */
	protected void awaitSubscriptionsRegistered(Connection connection) {
		if (connection.getStatus() != Connection.Status.CONNECTED) {
			return;
		}
		try {
			NatsFlushes.flush(connection, SUBSCRIPTION_FLUSH_TIMEOUT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (TimeoutException | RuntimeException ex) {
			logger.debug("Listener '" + getListenerId() + "' could not confirm its subscriptions: " + ex);
		}
	}

	/**
	 * Subscribe and start receiving messages; called with the lifecycle monitor held.
	 * A failure leaves the container stopped and reported as failed to start.
	 */
	protected abstract void doStart();

	/**
	 * Stop receiving, let in-flight messages finish and release the subscriptions;
	 * called with the lifecycle monitor held, once {@link #isRunning()} is already
	 * {@code false}.
	 */
	protected abstract void doStop();

	/**
	 * Stop receiving for a while; called with the lifecycle monitor held.
	 */
	protected abstract void doPause();

	/**
	 * Receive again after {@link #doPause()}; called with the lifecycle monitor held.
	 */
	protected abstract void doResume();

	/**
	 * Whether the running, unpaused container still receives messages: its
	 * subscriptions or pulls are alive.
	 * @return {@code true} if it receives messages
	 */
	protected abstract boolean isReceiving();

}
