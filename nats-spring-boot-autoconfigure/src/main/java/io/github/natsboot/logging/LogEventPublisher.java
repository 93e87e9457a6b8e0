package io.github.natsboot.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAware;
import io.nats.client.Connection;

/**
 * The worker of a {@link NatsAppender}: takes events from the bounded queue in batches of
 * up to {@code batchSize}, waiting at most {@code flushInterval} for a batch to fill, and
 * publishes each event with {@link Connection#publish(String, byte[])}, without a flush
 * per event. While there is no connection or it is not connected, events stay in the
 * queue. A publish that fails with an {@link IllegalStateException} (output queue full,
 * disconnected) keeps the rest of the batch and is retried; each failure is counted.
 * Events that can never be published (an encoder failure, a payload over the server's
 * limit) are dropped and counted.
 */
final class LogEventPublisher implements Runnable {

	private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final long DISCONNECTED_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private static final long RETRY_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private static final long FLUSH_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final BlockingQueue<ILoggingEvent> queue;

	private final Encoder<ILoggingEvent> encoder;

	private final LevelSubjects subjects;

	private final int batchSize;

	private final long flushIntervalNanos;

	private final List<ILoggingEvent> batch;

	private final AtomicLong shipped = new AtomicLong();

	private final AtomicLong discarded = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicInteger flushRequests = new AtomicInteger();

	private final ThrottledWarning publishWarning;

	private final ThrottledWarning discardWarning;

	private volatile Connection connection;

	private volatile boolean stopping;

	private volatile Thread thread;

	LogEventPublisher(BlockingQueue<ILoggingEvent> queue, Encoder<ILoggingEvent> encoder, LevelSubjects subjects,
			int batchSize, Duration flushInterval, ContextAware status) {
		this.queue = queue;
		this.encoder = encoder;
		this.subjects = subjects;
		this.batchSize = batchSize;
		this.flushIntervalNanos = flushInterval.toNanos();
		this.batch = new ArrayList<>(batchSize);
		this.publishWarning = new ThrottledWarning(status);
		this.discardWarning = new ThrottledWarning(status);
	}

	void setConnection(Connection connection) {
		this.connection = connection;
		wakeUp();
	}

	Connection getConnection() {
		return this.connection;
	}

	boolean isWorkerThread() {
		return Thread.currentThread() == this.thread;
	}

	long getShipped() {
		return this.shipped.get();
	}

	long getDiscarded() {
		return this.discarded.get();
	}

	long getFailed() {
		return this.failed.get();
	}

	/**
	 * Events taken from the queue and settled: published or discarded.
	 */
	long getSettled() {
		return this.shipped.get() + this.discarded.get();
	}

	/**
	 * Start the worker on a daemon thread.
	 * @param threadName the name of the thread
	 */
	void start(String threadName) {
		Thread worker = new Thread(this, threadName);
		worker.setDaemon(true);
		this.thread = worker;
		worker.start();
	}

	@Override
	public void run() {
		try {
			while (!this.stopping) {
				Connection current = this.connection;
				if (current == null || current.getStatus() != Connection.Status.CONNECTED) {
					LockSupport.parkNanos(this, DISCONNECTED_WAIT_NANOS);
				}
				else if (!this.batch.isEmpty() || fill()) {
					publish(current);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean fill() throws InterruptedException {
		ILoggingEvent first = this.queue.poll(IDLE_WAIT_NANOS, TimeUnit.NANOSECONDS);
		if (first == null) {
			return false;
		}
		this.batch.add(first);
		this.queue.drainTo(this.batch, this.batchSize - this.batch.size());
		long deadline = System.nanoTime() + this.flushIntervalNanos;
		while (this.batch.size() < this.batchSize && !this.stopping && this.flushRequests.get() == 0) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				break;
			}
			ILoggingEvent next = this.queue.poll(Math.min(remaining, IDLE_WAIT_NANOS), TimeUnit.NANOSECONDS);
			if (next != null) {
				this.batch.add(next);
				this.queue.drainTo(this.batch, this.batchSize - this.batch.size());
			}
		}
		return true;
	}

	private void publish(Connection connection) {
		int done = 0;
		int published = 0;
		try {
			for (; done < this.batch.size(); done++) {
				ILoggingEvent event = this.batch.get(done);
				byte[] body = encode(event);
				if (body != null && publish(connection, event, body)) {
					published++;
				}
			}
		}
		catch (IllegalStateException ex) {
			this.failed.incrementAndGet();
			if (this.publishWarning.isDue()) {
				this.publishWarning.warn("Publishing log events to NATS failed (" + ex.getMessage() + "); keeping "
						+ (this.batch.size() - done + this.queue.size()) + " events queued and retrying");
			}
			LockSupport.parkNanos(this, RETRY_WAIT_NANOS);
		}
		finally {
			this.shipped.addAndGet(published);
			this.batch.subList(0, done).clear();
		}
	}

	private boolean publish(Connection connection, ILoggingEvent event, byte[] body) {
		try {
			connection.publish(this.subjects.subjectFor(event.getLevel()), body);
			return true;
		}
		catch (IllegalArgumentException ex) {
			discard("it could not be published (" + ex.getMessage() + ")");
			return false;
		}
	}

	private byte[] encode(ILoggingEvent event) {
		try {
			return this.encoder.encode(event);
		}
		catch (RuntimeException ex) {
			discard("it could not be encoded (" + ex + ")");
			return null;
		}
	}

	private void discard(String reason) {
		long total = this.discarded.incrementAndGet();
		if (this.discardWarning.isDue()) {
			this.discardWarning.warn("Dropped a log event because " + reason + "; " + total
					+ " dropped for this reason so far");
		}
	}

	/**
	 * Wait until the events accepted so far are settled, then flush the connection. Returns
	 * at once when there is no connection to publish them to.
	 * @param accepted the number of events accepted into the queue so far
	 * @param timeout the time allowed
	 * @return whether every event was published and the connection flushed in time
	 */
	boolean flush(long accepted, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.flushRequests.incrementAndGet();
		try {
			while (getSettled() < accepted) {
				if (this.connection == null || System.nanoTime() - deadline >= 0) {
					return false;
				}
				LockSupport.parkNanos(FLUSH_POLL_NANOS);
			}
			return flushConnection(deadline);
		}
		finally {
			this.flushRequests.decrementAndGet();
		}
	}

	private boolean flushConnection(long deadline) {
		Connection current = this.connection;
		if (current == null) {
			return true;
		}
		long remaining = deadline - System.nanoTime();
		if (current.getStatus() != Connection.Status.CONNECTED || remaining <= 0) {
			return false;
		}
		try {
			current.flush(Duration.ofNanos(remaining));
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Stop the worker and wait for it to end.
	 * @param timeout the time allowed
	 */
	void stop(Duration timeout) {
		this.stopping = true;
		wakeUp();
		Thread worker = this.thread;
		if (worker != null) {
			try {
				worker.join(Math.max(1, timeout.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void wakeUp() {
		Thread worker = this.thread;
		if (worker != null) {
			LockSupport.unpark(worker);
		}
	}

}
