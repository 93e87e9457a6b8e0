package io.github.natsboot.listener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Handles the JetStream messages of one consumer worker of a batch listener: its
 * dispatcher hands each message to a queue of at most {@code maxBatch} messages, and a
 * thread of the worker's own takes them in batches of up to {@code maxBatch}, waiting up
 * to {@code maxWait} for more once the first one is there, and invokes the listener with
 * each batch. A full queue blocks the dispatcher, so the worker stops pulling while a
 * batch runs: at most a batch in process, a batch queued and the pull's buffer are held.
 * <p>
 * The messages whose payload cannot be converted are settled at once, as
 * {@link UnreadablePayloadAction} says, and the others are delivered. When the method
 * returns, the messages it did not settle itself ({@link NatsBatchAcknowledgment}) are
 * acknowledged; when it throws, they are handled as failed ({@link JetStreamFailures}:
 * backoff, dead letter at the max deliveries), except, when it throws a
 * {@link NatsBatchListenerFailedException}, those before the message it names (acknowledged)
 * and after it (redelivered at once). While the batch runs, its messages and the queued
 * ones are kept alive with in-progress acknowledgements. While the worker stops, a batch
 * in process finishes and is settled; messages not in one yet are released at once for
 * another instance, except those on the last delivery the server allows, which are
 * processed as a last batch: nothing collected is dropped.
 */
final class JetStreamBatchMessageHandler implements JetStreamWorkerHandler {

	private static final Log logger = LogFactory.getLog(JetStreamBatchMessageHandler.class);

	private static final long IDLE_POLL_MILLIS = 100;

	private final ListenerInvoker invoker;

	private final BatchNatsListenerAdapter adapter;

	private final JetStreamAcknowledger acknowledger;

	private final JetStreamConsumerSettings settings;

	private final JetStreamFailures failures;

	private final StopSignal stopSignal;

	private final int maxBatch;

	private final long maxWaitNanos;

	private final BlockingQueue<Message> queue;

	private final AtomicInteger held = new AtomicInteger();

	private final Thread thread;

	private volatile boolean closed;

	private volatile List<Message> current;

	private volatile long lastProgressNanos;

	JetStreamBatchMessageHandler(ListenerInvoker invoker, JetStreamAcknowledger acknowledger,
			JetStreamConsumerSettings settings, DeadLetters deadLetters, StopSignal stopSignal, String threadName) {
		this.invoker = invoker;
		this.adapter = (BatchNatsListenerAdapter) invoker.adapter();
		this.acknowledger = acknowledger;
		this.settings = settings;
		this.failures = new JetStreamFailures(this.adapter.getListenerId(), acknowledger, settings, deadLetters);
		this.stopSignal = stopSignal;
		this.maxBatch = this.adapter.maxBatch();
		this.maxWaitNanos = this.adapter.maxWait().toNanos();
		this.queue = new ArrayBlockingQueue<>(this.maxBatch);
		this.thread = new Thread(this::run, threadName);
		this.thread.setDaemon(true);
	}

	@Override
	public void start() {
		this.thread.start();
	}

	@Override
	public void onMessage(Message message) {
		if (this.stopSignal.isStopping() && !this.settings.isLastDelivery(message)) {
			release(message);
			return;
		}
		this.held.incrementAndGet();
		try {
			this.queue.put(message);
		}
		catch (InterruptedException ex) {
			this.held.decrementAndGet();
			release(message);
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isIdle() {
		return this.held.get() == 0;
	}

	@Override
	public void keepAlive(long intervalNanos) {
		List<Message> batch = this.current;
		if (batch == null || System.nanoTime() - this.lastProgressNanos < intervalNanos) {
			return;
		}
		this.lastProgressNanos = System.nanoTime();
		try {
			for (Message message : batch) {
				message.inProgress();
			}
			for (Message message : this.queue) {
				message.inProgress();
			}
		}
		catch (RuntimeException ex) {
			// the connection is down; the next tick tries again
		}
	}

	@Override
	public void close() {
		this.closed = true;
	}

	private void run() {
		while (!this.closed) {
			Message first;
			try {
				first = this.queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				continue;
			}
			if (first == null) {
				continue;
			}
			List<Message> batch = new ArrayList<>(this.maxBatch);
			batch.add(first);
			collect(batch);
			try {
				process(batch);
			}
			catch (Throwable ex) {
				logger.error("Listener '" + this.adapter.getListenerId() + "' could not settle a batch of "
						+ batch.size() + " messages", ex);
			}
			finally {
				this.current = null;
				this.held.addAndGet(-batch.size());
			}
		}
		Message left;
		while ((left = this.queue.poll()) != null) {
			release(left);
			this.held.decrementAndGet();
		}
	}

	private void collect(List<Message> batch) {
		long deadline = System.nanoTime() + this.maxWaitNanos;
		while (batch.size() < this.maxBatch) {
			if (this.queue.drainTo(batch, this.maxBatch - batch.size()) > 0) {
				continue;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0 || this.stopSignal.isStopping()) {
				return;
			}
			Message next;
			try {
				next = this.queue.poll(remaining, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (next == null) {
				return;
			}
			batch.add(next);
		}
	}

	private void process(List<Message> collected) {
		List<Message> batch = this.stopSignal.isStopping() ? lastDeliveriesOnly(collected) : collected;
		if (batch.isEmpty()) {
			return;
		}
		this.lastProgressNanos = System.nanoTime();
		this.current = batch;
		List<Message> delivered;
		List<Object> elements;
		if (this.adapter.takesNatsMessages()) {
			delivered = batch;
			elements = Collections.unmodifiableList(batch);
		}
		else {
			delivered = new ArrayList<>(batch.size());
			List<Object> converted = new ArrayList<>(batch.size());
			for (Message message : batch) {
				try {
					converted.add(this.adapter.element(message));
					delivered.add(message);
				}
				catch (NatsListenerExecutionFailedException ex) {
					unreadable(message, ex);
				}
			}
			if (delivered.isEmpty()) {
				return;
			}
			elements = Collections.unmodifiableList(converted);
		}
		JetStreamBatchAcknowledgment acknowledgment = this.adapter.acknowledgesManually()
				? new JetStreamBatchAcknowledgment(this.adapter.getListenerId(), delivered, this.acknowledger,
						this.failures)
				: null;
		try {
			this.invoker.invokeBatch(this.adapter, delivered, elements, acknowledgment);
		}
		catch (NatsListenerExecutionFailedException ex) {
			failed(delivered, acknowledgment, ex);
			return;
		}
		for (int i = 0; i < delivered.size(); i++) {
			if (acknowledgment == null || !acknowledgment.isSettled(i)) {
				this.acknowledger.ack(delivered.get(i));
			}
		}
	}

	/**
	 * The messages of a batch collected while the worker stops that must not be released:
	 * the others are, at once.
	 */
	private List<Message> lastDeliveriesOnly(List<Message> collected) {
		List<Message> kept = new ArrayList<>();
		for (Message message : collected) {
			if (this.settings.isLastDelivery(message)) {
				kept.add(message);
			}
			else {
				release(message);
			}
		}
		return kept;
	}

	private void unreadable(Message message, NatsListenerExecutionFailedException failure) {
		this.invoker.metrics().processed(this.invoker.metrics().start(), failure);
		handleError(message, failure);
		this.failures.settle(message, failure);
	}

	private void failed(List<Message> delivered, JetStreamBatchAcknowledgment acknowledgment,
			NatsListenerExecutionFailedException failure) {
		handleError(delivered.get(0), failure);
		int failedIndex = (failure.getCause() instanceof NatsBatchListenerFailedException named
				&& named.getIndex() >= 0 && named.getIndex() < delivered.size()) ? named.getIndex() : -1;
		for (int i = 0; i < delivered.size(); i++) {
			if (acknowledgment != null && acknowledgment.isSettled(i)) {
				continue;
			}
			Message message = delivered.get(i);
			if (failedIndex < 0) {
				this.failures.settle(message, failure);
			}
			else if (i < failedIndex) {
				this.acknowledger.ack(message);
			}
			else if (i == failedIndex) {
				this.failures.settle(message, failureOf(message, failure.getCause()));
			}
			else {
				this.failures.redeliver(message, failure);
			}
		}
	}

	private NatsListenerExecutionFailedException failureOf(Message message, Throwable named) {
		Throwable cause = (named.getCause() != null) ? named.getCause() : named;
		return new NatsListenerExecutionFailedException(this.adapter.getListenerId(), message.getSubject(), false,
				cause);
	}

	private void handleError(Message message, NatsListenerExecutionFailedException failure) {
		try {
			this.adapter.getErrorHandler().handleError(message, failure);
		}
		catch (Throwable ex) {
			logger.debug("Error handler of listener '" + this.adapter.getListenerId() + "' threw", ex);
		}
	}

	private void release(Message message) {
		try {
			this.acknowledger.release(message);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not release a buffered message: " + ex);
		}
	}

}
