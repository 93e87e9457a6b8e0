package io.github.natsboot.listener;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.natsboot.core.JetStreamApiErrorCodes;
import io.github.natsboot.jetstream.ServerCapabilities;
import io.github.natsboot.kv.KeyValueWatchStart;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Listener container of a {@link NatsKeyValueListener}: one jnats key-value watch (an
 * ordered consumer of the bucket's stream, on a dispatcher of its own) whose changes are
 * handed to the method one at a time, in revision order, through the same
 * {@link ListenerInvoker} as every listener (metrics, observations, error handler).
 * <p>
 * The container remembers the next revision to handle. Every watch after the first
 * starts there: on resume after a pause, and when a watchdog ticking every second sees
 * that the connection reconnected (after a server restart the watch's consumer is gone,
 * and jnats would only notice from missed heartbeats, half a minute later) or that the
 * last attempt to watch failed. A change at or below a revision already handled is
 * dropped, so that none is handled twice. The first watch after a start begins where
 * {@link KeyValueWatchStart} says; with {@code UPDATES_ONLY} that is the revision after
 * the bucket's last one, so a restart before any change arrived misses nothing either.
 * <p>
 * Servers before 2.10 filter a consumer on one subject only: a listener of several key
 * patterns then watches the narrowest pattern covering them all and drops the changes of
 * other keys itself.
 */
public class KeyValueNatsListenerContainer extends AbstractNatsListenerContainer {

	private static final Log logger = LogFactory.getLog(KeyValueNatsListenerContainer.class);

	private static final long WATCHDOG_TICK_MILLIS = 1000;

	private final KeyValueListenerEndpoint endpoint;

	private final Connection connection;

	private final ListenerInvoker invoker;

	private final ScheduledExecutorService scheduler;

	private final Duration stopTimeout;

	private final String subjectPrefix;

	/**
	 * Held while a change is handled, so that closing a watch can wait for the change in
	 * hand; reentrant, so that a method may pause or stop its own container.
	 */
	private final ReentrantLock delivery = new ReentrantLock();

	private volatile long nextRevision;

	private KeyValue keyValue;

	private List<String> watchedKeys;

	private KeyPatternFilter filter;

	private Watch watch;

	private ScheduledFuture<?> watchdog;

	private long reconnects;

	private volatile boolean watchLost;

	KeyValueNatsListenerContainer(KeyValueListenerEndpoint endpoint, Connection connection, ListenerInvoker invoker,
			ScheduledExecutorService scheduler, Duration stopTimeout) {
		super(endpoint);
		this.endpoint = endpoint;
		this.connection = connection;
		this.invoker = invoker;
		this.scheduler = scheduler;
		this.stopTimeout = stopTimeout;
		this.subjectPrefix = "$KV." + endpoint.bucket() + ".";
	}

	/**
	 * Return the bucket this container watches.
	 * @return the bucket name
	 */
	public String getBucket() {
		return this.endpoint.bucket();
	}

	/**
	 * Return the revision of the last change this container handled (or skipped because
	 * its key or operation is not listened to) since it was started.
	 * @return the revision, or {@code 0} when none was handled yet
	 */
	public long getLastHandledRevision() {
		long next = this.nextRevision;
		return (next > 0) ? next - 1 : 0;
	}

	@Override
	protected void doStart() {
		KeyValueStatus status = bind();
		boolean filteredByServer = this.endpoint.keys().size() == 1
				|| ServerCapabilities.of(this.connection.getServerInfo()).supportsMultipleFilterSubjects();
		this.filter = filteredByServer ? null : KeyPatternFilter.of(this.endpoint.keys());
		this.watchedKeys = filteredByServer ? this.endpoint.keys() : List.of(this.filter.covering());
		if (!filteredByServer) {
			logger.debug("Listener '" + getListenerId() + "' watches '" + this.filter.covering() + "' and filters "
					+ this.endpoint.keys() + " itself: server " + this.connection.getServerInfo().getVersion()
					+ " filters a consumer on one subject only");
		}
		this.nextRevision = (this.endpoint.start() == KeyValueWatchStart.UPDATES_ONLY)
				? status.getBackingStreamInfo().getStreamState().getLastSequence() + 1 : 0;
		try {
			openWatch();
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			throw new NatsKeyValueListenerBindingException(getListenerId(), getBucket(), propertyPrefix(),
					"@NatsKeyValueListener '" + getListenerId() + "' could not watch bucket '" + getBucket() + "': "
							+ ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NatsKeyValueListenerBindingException(getListenerId(), getBucket(), propertyPrefix(),
					"@NatsKeyValueListener '" + getListenerId() + "' was interrupted while starting its watch");
		}
		this.watchLost = false;
		this.reconnects = this.connection.getStatistics().getReconnects();
		this.watchdog = this.scheduler.scheduleWithFixedDelay(this::checkWatch, WATCHDOG_TICK_MILLIS,
				WATCHDOG_TICK_MILLIS, TimeUnit.MILLISECONDS);
	}

	private KeyValueStatus bind() {
		try {
			KeyValueStatus status = this.connection.keyValueManagement().getStatus(getBucket());
			this.keyValue = this.connection.keyValue(getBucket());
			return status;
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == JetStreamApiErrorCodes.STREAM_NOT_FOUND) {
				throw new NatsKeyValueListenerBindingException(getListenerId(), getBucket(), propertyPrefix(),
						"@NatsKeyValueListener '" + getListenerId() + "' watches bucket '" + getBucket()
								+ "', which does not exist: declare it under " + propertyPrefix()
								+ " or create it before the listener starts");
			}
			throw new NatsKeyValueListenerBindingException(getListenerId(), getBucket(), propertyPrefix(),
					"@NatsKeyValueListener '" + getListenerId() + "' could not look up bucket '" + getBucket() + "': "
							+ ex.getMessage());
		}
		catch (IOException ex) {
			throw new NatsKeyValueListenerBindingException(getListenerId(), getBucket(), propertyPrefix(),
					"@NatsKeyValueListener '" + getListenerId() + "' could not reach JetStream: " + ex.getMessage());
		}
	}

	private String propertyPrefix() {
		String connection = this.endpoint.getConnection();
		return ((connection != null) ? "nats.connections." + connection + ".jetstream." : "nats.jetstream.")
				+ "key-value." + getBucket();
	}

	/**
	 * Start a watch at the next revision to handle, or where the start option says when
	 * none was handled since the start.
	 */
	private void openWatch() throws IOException, JetStreamApiException, InterruptedException {
		Watch next = new Watch();
		long from = this.nextRevision;
		NatsKeyValueWatchSubscription subscription = (from > 0)
				? this.keyValue.watch(this.watchedKeys, next, from)
				: this.keyValue.watch(this.watchedKeys, next, startOptions());
		next.subscription = subscription;
		this.watch = next;
	}

	private KeyValueWatchOption[] startOptions() {
		return (this.endpoint.start() == KeyValueWatchStart.HISTORY)
				? new KeyValueWatchOption[] { KeyValueWatchOption.INCLUDE_HISTORY } : new KeyValueWatchOption[0];
	}

	/**
	 * Stop the current watch: no further change is handled, the change in hand (if any)
	 * finishes within the stop timeout, then the subscription is released.
	 */
	private void closeWatch() {
		Watch current = this.watch;
		this.watch = null;
		if (current == null) {
			return;
		}
		current.closed = true;
		try {
			if (this.delivery.tryLock(this.stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.delivery.unlock();
			}
			else {
				logger.warn("Listener '" + getListenerId() + "' was still handling a change of bucket '" + getBucket()
						+ "' after " + this.stopTimeout + "; stopping it anyway");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		current.unsubscribe();
	}

	private void checkWatch() {
		try {
			long reconnectsNow = this.connection.getStatistics().getReconnects();
			boolean reconnected = reconnectsNow != this.reconnects;
			if ((reconnected || this.watchLost) && this.connection.getStatus() == Connection.Status.CONNECTED) {
				this.reconnects = reconnectsNow;
				restartWatch(reconnected);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Watchdog of listener '" + getListenerId() + "' failed: " + ex);
		}
	}

	private void restartWatch(boolean reconnected) {
		synchronized (this.lifecycleMonitor) {
			if (!isRunning() || isPaused()) {
				return;
			}
			if (reconnected) {
				logger.info("Connection re-established: listener '" + getListenerId() + "' watches bucket '"
						+ getBucket() + "' again from revision " + this.nextRevision);
			}
			closeWatch();
			tryOpenWatch();
		}
	}

	private void tryOpenWatch() {
		try {
			openWatch();
			this.watchLost = false;
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			this.watchLost = true;
			logger.warn("Listener '" + getListenerId() + "' could not watch bucket '" + getBucket()
					+ "' yet, retrying: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.watchLost = true;
		}
	}

	@Override
	protected void doStop() {
		if (this.watchdog != null) {
			this.watchdog.cancel(false);
			this.watchdog = null;
		}
		closeWatch();
		this.watchLost = false;
	}

	@Override
	protected void doPause() {
		closeWatch();
	}

	@Override
	protected void doResume() {
		tryOpenWatch();
	}

	@Override
	protected boolean isReceiving() {
		return !this.watchLost;
	}

	@Override
	public long getDroppedCount() {
		return 0;
	}

	/**
	 * Handle a change of the given watch, unless the watch was closed or the change's
	 * revision was handled already; a failure goes to the error handler, and the change
	 * counts as handled either way.
	 */
	private void handle(Watch source, KeyValueEntry entry) {
		this.delivery.lock();
		try {
			long revision = entry.getRevision();
			if (source.closed || revision < this.nextRevision) {
				return;
			}
			try {
				deliver(entry);
			}
			finally {
				this.nextRevision = revision + 1;
			}
		}
		catch (Throwable ex) {
			logger.error("Listener '" + getListenerId() + "' could not handle the change of key '" + entry.getKey()
					+ "' at revision " + entry.getRevision() + " in bucket '" + getBucket() + "'", ex);
		}
		finally {
			this.delivery.unlock();
		}
	}

	private void deliver(KeyValueEntry entry) {
		if (this.filter != null && !this.filter.matches(entry.getKey())) {
			return;
		}
		if (!this.endpoint.includeDeletes() && entry.getOperation() != KeyValueOperation.PUT) {
			return;
		}
		KeyValueChangeMessage message = KeyValueChangeMessage.of(getBucket(), this.subjectPrefix, entry);
		try {
			this.invoker.invoke(message, null);
		}
		catch (NatsListenerExecutionFailedException ex) {
			handleFailure(message, ex);
		}
	}

	private void handleFailure(KeyValueChangeMessage message, NatsListenerExecutionFailedException failure) {
		try {
			this.invoker.adapter().getErrorHandler().handleError(message, failure);
		}
		catch (Throwable ex) {
			logger.error("The error handler of listener '" + getListenerId() + "' failed for the change of key '"
					+ message.key() + "' at revision " + message.revision() + " in bucket '" + getBucket() + "'", ex);
		}
	}

	@Override
	public String toString() {
		return "KeyValueNatsListenerContainer[id=" + getListenerId() + ", bucket=" + getBucket() + ", keys="
				+ this.endpoint.keys() + ", start=" + this.endpoint.start() + "]";
	}

	/**
	 * One jnats watch of the container; closed once it is replaced or stopped, after
	 * which it hands nothing more to the method.
	 */
	private final class Watch implements KeyValueWatcher {

		private volatile boolean closed;

		private volatile NatsKeyValueWatchSubscription subscription;

		@Override
		public void watch(KeyValueEntry entry) {
			handle(this, entry);
		}

		@Override
		public void endOfData() {
		}

		void unsubscribe() {
			NatsKeyValueWatchSubscription current = this.subscription;
			if (current == null) {
				return;
			}
			try {
				current.unsubscribe();
			}
			catch (RuntimeException ex) {
				logger.debug("The watch of listener '" + getListenerId() + "' was already stopped: " + ex);
			}
		}

	}

}
