package io.github.natsboot.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.natsboot.core.NatsFlushes;
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
 * other applications receive their own copy. Stopping drains the dispatchers, then
 * waits for the results of asynchronous listener methods still outstanding, all within
 * the stop timeout.
 */
public class CoreNatsListenerContainer extends AbstractNatsListenerContainer {

	private static final Log logger = LogFactory.getLog(CoreNatsListenerContainer.class);

	private static final long CLOSE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private final Connection connection;

	private final MessageHandler handler;

	private final String queue;

	private final long pendingMessages;

	private final long pendingBytes;

	private final Duration stopTimeout;

	private final List<Dispatcher> dispatchers = new CopyOnWriteArrayList<>();

	private volatile long droppedBeforeRestart;

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
		super(endpoint);
		this.connection = connection;
		this.handler = handler;
		this.queue = (endpoint.getQueue() != null) ? endpoint.getQueue()
				: (endpoint.getConcurrency() > 1) ? "_natsboot." + UUID.randomUUID() : null;
		this.pendingMessages = pendingMessages;
		this.pendingBytes = pendingBytes;
		this.stopTimeout = stopTimeout;
	}

	@Override
	protected void doStart() {
		for (int i = 0; i < getEndpoint().getConcurrency(); i++) {
			Dispatcher dispatcher = this.connection.createDispatcher(this.handler);
			dispatcher.setPendingLimits(this.pendingMessages, this.pendingBytes);
			this.dispatchers.add(dispatcher);
		}
		subscribe();
		awaitSubscriptionsRegistered(this.connection);
	}

	@Override
	protected void doStop() {
		long deadline = System.nanoTime() + this.stopTimeout.toNanos();
		this.droppedBeforeRestart = getDroppedCount();
		List<CompletableFuture<Boolean>> drains = new ArrayList<>();
		for (Dispatcher dispatcher : this.dispatchers) {
			drains.add(drain(dispatcher, deadline));
		}
		awaitDrained(drains, deadline);
		if (this.handler instanceof CoreListenerMessageHandler listenerHandler) {
			listenerHandler.awaitOutstandingResults(remaining(deadline));
		}
		this.dispatchers.clear();
	}

	/**
	 * Start draining a dispatcher, in what is left of the stop timeout, so that
	 * dispatchers that wait for their turn to flush do not each get the whole timeout.
	 */
	private CompletableFuture<Boolean> drain(Dispatcher dispatcher, long deadline) {
		try {
			return NatsFlushes.drain(this.connection, dispatcher, remaining(deadline));
		}
		catch (Exception ex) {
			logger.debug("Could not drain a dispatcher of listener '" + getListenerId() + "': " + ex);
			this.connection.closeDispatcher(dispatcher);
			return CompletableFuture.completedFuture(false);
		}
	}

	/**
	 * Wait for the drains until the deadline, with a little more for jnats to close the
	 * dispatchers it gives up on at the same moment.
	 */
	private void awaitDrained(List<CompletableFuture<Boolean>> drains, long deadline) {
		try {
			CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
				.get(remaining(deadline).toNanos() + CLOSE_GRACE_NANOS, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.warn("Listener '" + getListenerId() + "' did not finish its messages within " + this.stopTimeout);
		}
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
	}

	@Override
	protected void doPause() {
		for (Dispatcher dispatcher : this.dispatchers) {
			for (String subject : getEndpoint().getSubjects()) {
				dispatcher.unsubscribe(subject);
			}
		}
	}

	@Override
	protected void doResume() {
		subscribe();
		awaitSubscriptionsRegistered(this.connection);
	}

	@Override
	protected boolean isReceiving() {
		return this.dispatchers.stream().allMatch(Dispatcher::isActive);
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
			for (String subject : getEndpoint().getSubjects()) {
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
		NatsListenerEndpoint endpoint = getEndpoint();
		return "CoreNatsListenerContainer[id=" + getListenerId() + ", subjects=" + endpoint.getSubjects()
				+ ((endpoint.getQueue() != null) ? ", queue=" + endpoint.getQueue() : "") + ", concurrency="
				+ endpoint.getConcurrency() + "]";
	}

}
