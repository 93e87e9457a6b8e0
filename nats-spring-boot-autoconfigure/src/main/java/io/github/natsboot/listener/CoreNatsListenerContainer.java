package io.github.natsboot.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.MessageHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Listener container for core NATS subjects: one dispatcher (one thread) per unit of
 * concurrency, each subscribed to every subject of the listener. With a queue group the
 * dispatchers join it; without one but with more than one consumer, they share a
 * private queue group so that this application still receives every message once while
 * other applications receive their own copy.
 */
public class CoreNatsListenerContainer implements NatsListenerContainer {

	private static final Log logger = LogFactory.getLog(CoreNatsListenerContainer.class);

	private final NatsListenerEndpoint endpoint;

	private final Connection connection;

	private final MessageHandler handler;

	private final String queue;

	private final long pendingMessages;

	private final long pendingBytes;

	private final Duration stopTimeout;

	private final Object lifecycleMonitor = new Object();

	private final List<Dispatcher> dispatchers = new CopyOnWriteArrayList<>();

	private volatile long droppedBeforeRestart;

	private volatile boolean running;

	private volatile boolean paused;

	private volatile boolean startFailed;

	/**
	 * Create a container.
	 * @param endpoint the listener
	 * @param connection the connection to subscribe on
	 * @param handler the handler of each message
	 * @param pendingMessages pending message limit per consumer
	 * @param pendingBytes pending byte limit per consumer
	 * @param stopTimeout how long stopping waits for in-flight and pending messages
	 */
	public CoreNatsListenerContainer(NatsListenerEndpoint endpoint, Connection connection, MessageHandler handler,
			long pendingMessages, long pendingBytes, Duration stopTimeout) {
		this.endpoint = endpoint;
		this.connection = connection;
		this.handler = handler;
		this.queue = (endpoint.getQueue() != null) ? endpoint.getQueue()
				: (endpoint.getConcurrency() > 1) ? "_natsboot." + UUID.randomUUID() : null;
		this.pendingMessages = pendingMessages;
		this.pendingBytes = pendingBytes;
		this.stopTimeout = stopTimeout;
	}

	@Override
	public String getListenerId() {
		return this.endpoint.getId();
	}

	@Override
	public boolean isAutoStartup() {
		return this.endpoint.isAutoStartup();
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			try {
				for (int i = 0; i < this.endpoint.getConcurrency(); i++) {
					Dispatcher dispatcher = this.connection.createDispatcher(this.handler);
					dispatcher.setPendingLimits(this.pendingMessages, this.pendingBytes);
					this.dispatchers.add(dispatcher);
				}
				subscribe();
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
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			this.startFailed = false;
			if (!this.running) {
				return;
			}
			this.running = false;
			this.droppedBeforeRestart = getDroppedCount();
			List<CompletableFuture<Boolean>> drains = new ArrayList<>();
			for (Dispatcher dispatcher : this.dispatchers) {
				drains.add(drain(dispatcher));
			}
			awaitDrained(drains);
			this.dispatchers.clear();
		}
	}

	private CompletableFuture<Boolean> drain(Dispatcher dispatcher) {
		try {
			return dispatcher.drain(this.stopTimeout);
		}
		catch (Exception ex) {
			logger.debug("Could not drain a dispatcher of listener '" + getListenerId() + "': " + ex);
			this.connection.closeDispatcher(dispatcher);
			return CompletableFuture.completedFuture(false);
		}
	}

	private void awaitDrained(List<CompletableFuture<Boolean>> drains) {
		try {
			CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
				.get(this.stopTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.warn("Listener '" + getListenerId() + "' did not finish its messages within " + this.stopTimeout);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void pause() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running || this.paused) {
				return;
			}
			for (Dispatcher dispatcher : this.dispatchers) {
				for (String subject : this.endpoint.getSubjects()) {
					dispatcher.unsubscribe(subject);
				}
			}
			this.paused = true;
		}
	}

	@Override
	public void resume() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running || !this.paused) {
				return;
			}
			subscribe();
			this.paused = false;
		}
	}

	@Override
	public boolean isPaused() {
		return this.paused;
	}

	@Override
	public boolean isInExpectedState() {
		if (!this.running) {
			return !this.startFailed;
		}
		return this.paused || this.dispatchers.stream().allMatch(Dispatcher::isActive);
	}

	@Override
	public long getDroppedCount() {
		long dropped = this.droppedBeforeRestart;
		for (Dispatcher dispatcher : this.dispatchers) {
			dropped += dispatcher.getDroppedCount();
		}
		return dropped;
	}

	private void subscribe() {
		for (Dispatcher dispatcher : this.dispatchers) {
			for (String subject : this.endpoint.getSubjects()) {
				if (this.queue != null) {
					dispatcher.subscribe(subject, this.queue);
				}
				else {
					dispatcher.subscribe(subject);
				}
			}
		}
	}

	@Override
	public String toString() {
		return "CoreNatsListenerContainer[id=" + getListenerId() + ", subjects=" + this.endpoint.getSubjects()
				+ ((this.endpoint.getQueue() != null) ? ", queue=" + this.endpoint.getQueue() : "") + ", concurrency="
				+ this.endpoint.getConcurrency() + "]";
	}

}
