package io.github.natsboot.listener;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.core.JetStreamApiErrorCodes;
import io.github.natsboot.core.JetStreamLookups;
import io.github.natsboot.core.NatsFlushes;
import io.nats.client.ConsumeOptions;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Listener container for a durable JetStream pull consumer: {@code concurrency} workers,
 * each consuming through jnats's {@link ConsumerContext#consume} on its own dispatcher
 * with a batch sized for the listener. A watchdog ticks every second (every quarter of the
 * ack wait when that is shorter than four seconds): it keeps handlers that run longer than
 * half the ack wait, and messages whose dead letters are still being retried
 * ({@link DeadLetters}), alive with in-progress acknowledgements, so one is sent before
 * three quarters of the ack wait have passed (as it does the messages of asynchronous
 * results not complete yet, see {@link OutstandingResults}), and restarts the pulls after the connection
 * reconnected, because a pull consumer can otherwise stall for a minute or more after a
 * server restart; the replaced pulls hand back what they had buffered before they close.
 */
public class JetStreamNatsListenerContainer extends AbstractNatsListenerContainer {

	private static final Log logger = LogFactory.getLog(JetStreamNatsListenerContainer.class);

	private static final long MAX_WATCHDOG_TICK_MILLIS = 1000;

	private static final long MIN_WATCHDOG_TICK_MILLIS = 10;

	private final Connection connection;

	private final JetStreamNatsListenerContainerFactory factory;

	private final ScheduledExecutorService scheduler;

	private final ListenerInvoker invoker;

	private JetStreamAcknowledger acknowledger;

	private final List<Worker> workers = new CopyOnWriteArrayList<>();

	private final List<Worker> draining = new CopyOnWriteArrayList<>();

	private ConsumerContext consumerContext;

	private JetStreamConsumerSettings settings;

	private DeadLetters deadLetters;

	private ScheduledFuture<?> watchdog;

	private long reconnects;

	private volatile boolean pullsLost;

	JetStreamNatsListenerContainer(NatsListenerEndpoint endpoint, Connection connection,
			JetStreamNatsListenerContainerFactory factory, ScheduledExecutorService scheduler,
			NatsListenerInstrumentation instrumentation) {
		super(endpoint);
		this.connection = connection;
		this.factory = factory;
		this.scheduler = scheduler;
		this.invoker = instrumentation.invokerFor(endpoint);
	}

	/**
	 * The stream this container consumes from.
	 * @return the stream name
	 */
	public String getStreamName() {
		return getEndpoint().getJetStream().stream();
	}

	/**
	 * The durable consumer this container consumes through.
	 * @return the consumer name, or {@code null} before the first start
	 */
	public String getConsumerName() {
		return (this.consumerContext != null) ? this.consumerContext.getConsumerName() : null;
	}

	@Override
	protected void doStart() {
		bind();
		startWorkers();
		this.pullsLost = false;
		this.reconnects = this.connection.getStatistics().getReconnects();
		long tick = watchdogTickMillis(this.settings.ackWait());
		this.watchdog = this.scheduler.scheduleWithFixedDelay(this::watch, tick, tick, TimeUnit.MILLISECONDS);
	}

	private String definitionPrefix() {
		String connection = getEndpoint().getConnection();
		return (connection != null) ? "nats.connections." + connection + ".jetstream." : "nats.jetstream.";
	}

	private void bind() {
		JetStreamBinding binding = getEndpoint().getJetStream();
		try {
			JetStreamManagement management = this.connection.jetStreamManagement();
			String stream = binding.stream();
			if (!JetStreamLookups.streamExists(management, stream)) {
				throw new NatsListenerBindingException(getListenerId(), stream, binding.consumer(),
						"@NatsListener '" + getListenerId() + "' is bound to stream '" + stream
								+ "', which does not exist: declare it under " + definitionPrefix() + "streams." + stream
								+ " or create it before the listener starts");
			}
			String durable = (binding.consumer() != null) ? binding.consumer() : ensureListenerConsumer(management);
			this.consumerContext = this.connection.getConsumerContext(stream, durable);
			ConsumerInfo info = this.consumerContext.getCachedConsumerInfo();
			this.settings = this.factory.settingsFor(getEndpoint(), info);
			checkBatchWait();
			this.acknowledger = new JetStreamAcknowledger(this.invoker.metrics(), this.settings);
			this.deadLetters = new DeadLetters(getListenerId(), this.settings, deadLetterStreamExists(management),
					this.factory.getDeadLetterPublisher(), this.acknowledger, this.invoker.metrics(),
					this.factory.getDeadLetterRetries());
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == JetStreamApiErrorCodes.CONSUMER_NOT_FOUND) {
				throw new NatsListenerBindingException(getListenerId(), binding.stream(), binding.consumer(),
						"@NatsListener '" + getListenerId() + "' is bound to consumer '" + binding.consumer()
								+ "' of stream '" + binding.stream() + "', which does not exist: declare it under "
								+ definitionPrefix() + "streams." + binding.stream() + ".consumers." + binding.consumer()
								+ ", or leave the consumer out to let the listener create its own");
			}
			throw new NatsListenerBindingException(getListenerId(), binding.stream(), binding.consumer(),
					"@NatsListener '" + getListenerId() + "' could not bind to stream '" + binding.stream() + "': "
							+ ex.getMessage());
		}
		catch (IOException ex) {
			throw new NatsListenerBindingException(getListenerId(), binding.stream(), binding.consumer(),
					"@NatsListener '" + getListenerId() + "' could not reach JetStream: " + ex.getMessage());
		}
	}

	/**
	 * A batch listener waits for its batches to fill while their messages' ack wait runs,
	 * before they are kept alive: a wait of half the ack wait or more is refused.
	 */
	private void checkBatchWait() {
		if (getEndpoint().getAdapter() instanceof BatchNatsListenerAdapter batch
				&& batch.maxWait().compareTo(this.settings.ackWait().dividedBy(2)) >= 0) {
			JetStreamBinding binding = getEndpoint().getJetStream();
			throw new NatsListenerBindingException(getListenerId(), binding.stream(), binding.consumer(),
					"@NatsListener '" + getListenerId() + "' waits up to " + batch.maxWait()
							+ " (maxWait) to fill a batch, which is not below half the ack wait of its consumer ("
							+ this.settings.ackWait() + "): lower maxWait or raise the consumer's ack wait");
		}
	}

	private boolean deadLetterStreamExists(JetStreamManagement management) throws IOException, JetStreamApiException {
		String subject = this.settings.deadLetterSubject();
		if (!management.getStreamNames(subject).isEmpty()) {
			return true;
		}
		String problem = "@NatsListener '" + getListenerId() + "' dead-letters to '" + subject
				+ "', which no stream captures";
		if (this.factory.isDeadLetterStreamRequired()) {
			JetStreamBinding binding = getEndpoint().getJetStream();
			throw new NatsListenerBindingException(getListenerId(), binding.stream(), binding.consumer(),
					problem + ": declare a stream for it, for example nats.jetstream.streams.DLQ.subjects=" + subject);
		}
		logger.warn(problem + ": its dead letters are published as core messages, which only current "
				+ "subscribers receive. Declare a stream for it, for example nats.jetstream.streams.DLQ.subjects="
				+ subject);
		return false;
	}

	private String ensureListenerConsumer(JetStreamManagement management) throws IOException, JetStreamApiException {
		String durable = this.factory.durableNameFor(getEndpoint());
		try {
			management.getConsumerInfo(getEndpoint().getJetStream().stream(), durable);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() != JetStreamApiErrorCodes.CONSUMER_NOT_FOUND) {
				throw ex;
			}
			ConsumerConfiguration configuration = this.factory.listenerConsumerConfiguration(getEndpoint(), durable);
			management.addOrUpdateConsumer(getEndpoint().getJetStream().stream(), configuration);
			logger.info("Created durable consumer '" + durable + "' on stream '" + getEndpoint().getJetStream().stream()
					+ "' for @NatsListener '" + getListenerId() + "', filtered on " + getEndpoint().getSubjects());
		}
		return durable;
	}

	private void startWorkers() {
		ConsumeOptions options = this.factory.consumeOptions(getEndpoint());
		StopSignal stopSignal = new StopSignal();
		for (int i = 0; i < getEndpoint().getConcurrency(); i++) {
			JetStreamWorkerHandler handler = createHandler(stopSignal, i);
			Dispatcher dispatcher = this.connection.createDispatcher();
			try {
				handler.start();
				this.workers.add(new Worker(this.consumerContext.consume(options, dispatcher, handler), dispatcher,
						handler, stopSignal));
			}
			catch (IOException | JetStreamApiException ex) {
				handler.close();
				closeQuietly(dispatcher);
				throw new NatsListenerBindingException(getListenerId(), getEndpoint().getJetStream().stream(),
						getConsumerName(), "@NatsListener '" + getListenerId() + "' could not start consuming: "
								+ ex.getMessage());
			}
		}
	}

	/**
	 * The handler of a worker: of batches for a batch listener, else of single messages.
	 */
	private JetStreamWorkerHandler createHandler(StopSignal stopSignal, int index) {
		if (getEndpoint().getAdapter().isBatch()) {
			return new JetStreamBatchMessageHandler(this.invoker, this.acknowledger, this.settings, this.deadLetters,
					stopSignal, "nats-batch-" + getListenerId() + "-" + index);
		}
		return new JetStreamListenerMessageHandler(this.invoker, this.acknowledger, this.settings, this.deadLetters,
				new InFlightMessage(), stopSignal);
	}

	/**
	 * How often the watchdog ticks for a consumer's ack wait: a handler is kept alive once it
	 * has run for half the ack wait, at the first tick after that, so ticks of at most a
	 * quarter of the ack wait send the in-progress acknowledgement with a quarter of it
	 * left, even when ticks are late on a busy machine.
	 * @param ackWait the consumer's ack wait
	 * @return the interval between two ticks, in milliseconds
	 */
	static long watchdogTickMillis(Duration ackWait) {
		return Math.max(MIN_WATCHDOG_TICK_MILLIS, Math.min(MAX_WATCHDOG_TICK_MILLIS, ackWait.toMillis() / 4));
	}

	/**
	 * How long a handler may run before the next in-progress acknowledgement: half the ack
	 * wait (the watchdog's tick is sized from the same ack wait).
	 */
	private long keepAliveNanos() {
		return this.settings.ackWait().toNanos() / 2;
	}

	private void watch() {
		try {
			long keepAliveNanos = keepAliveNanos();
			for (Worker worker : this.workers) {
				worker.handler().keepAlive(keepAliveNanos);
			}
			for (Worker worker : this.draining) {
				worker.handler().keepAlive(keepAliveNanos);
			}
			this.invoker.outstanding().keepAlive(keepAliveNanos);
			this.deadLetters.keepAlive(keepAliveNanos);
			closeDrained();
			long reconnectsNow = this.connection.getStatistics().getReconnects();
			if (reconnectsNow != this.reconnects && this.connection.getStatus() == Connection.Status.CONNECTED) {
				this.reconnects = reconnectsNow;
				restartPulls();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Watchdog of listener '" + getListenerId() + "' failed: " + ex);
		}
	}

	private void restartPulls() {
		synchronized (this.lifecycleMonitor) {
			if (!isRunning() || isPaused()) {
				return;
			}
			logger.info("Connection re-established: restarting the pulls of listener '" + getListenerId() + "'");
			List<Worker> old = new ArrayList<>(this.workers);
			this.workers.clear();
			long deadline = System.nanoTime() + this.factory.getStopTimeout().toNanos();
			for (Worker worker : old) {
				beginStop(worker, deadline);
			}
			this.draining.addAll(old);
			try {
				startWorkers();
				this.pullsLost = false;
			}
			catch (RuntimeException ex) {
				this.pullsLost = true;
				logger.warn("Listener '" + getListenerId() + "' could not restart its pulls yet: " + ex.getMessage());
				this.reconnects = -1;
			}
		}
	}

	/**
	 * Close the consumers replaced by a restart of the pulls once they have handed back
	 * what they had buffered. Closing them at once would drop those messages on the
	 * client while the server counts them as pending until their ack wait ends: with
	 * enough of them, the consumer's max ack pending stops all deliveries until then.
	 */
	private void closeDrained() {
		for (Worker worker : this.draining) {
			if (worker.isStopped()) {
				this.draining.remove(worker);
				close(worker);
			}
		}
	}

	@Override
	protected void doStop() {
		if (this.watchdog != null) {
			this.watchdog.cancel(false);
		}
		stopWorkers();
		this.deadLetters.releaseAll();
	}

	/**
	 * Stop pulling, then drain each worker's dispatcher: the server stops delivering to
	 * it, and every message already received still reaches the handler, which releases it
	 * (or finishes it, when in flight or on its last delivery). jnats closes a stopped
	 * consumer's subscription by itself once its pulls are filled, which would drop the
	 * messages still queued for the handler; while its dispatcher drains, that does not
	 * happen.
	 */
	private void stopWorkers() {
		long deadline = System.nanoTime() + this.factory.getStopTimeout().toNanos();
		List<Worker> stopping = new ArrayList<>(this.workers);
		for (Worker worker : stopping) {
			beginStop(worker, deadline);
		}
		stopping.addAll(this.draining);
		OutstandingResults outstanding = this.invoker.outstanding();
		if (!awaitStopped(stopping, deadline)) {
			logger.warn("Listener '" + getListenerId() + "' still had messages in flight ("
					+ outstanding.size() + " of them with asynchronous results not complete) after "
					+ this.factory.getStopTimeout() + "; they will be redelivered");
		}
		outstanding.abandon();
		for (Worker worker : stopping) {
			close(worker);
		}
		this.workers.clear();
		this.draining.clear();
	}

	/**
	 * Stop a worker: its dispatcher starts draining before its consumer is told to stop.
	 * A stopped jnats consumer whose pulls are all received closes its subscription at
	 * once, the next time the dispatcher finishes a message, which discards every message
	 * still queued on the dispatcher (they would wait out their ack wait); a subscription
	 * of a draining dispatcher is left alone. Pulls made between the two are harmless:
	 * the server drops a pull request whose reply subject has no interest any more.
	 */
	private void beginStop(Worker worker, long deadline) {
		worker.stopSignal().set(true);
		worker.drained = drain(worker.dispatcher(), deadline);
		worker.consumer().stop();
	}

	private CompletableFuture<Boolean> drain(Dispatcher dispatcher, long deadline) {
		if (this.connection.getStatus() != Connection.Status.CONNECTED) {
			return CompletableFuture.completedFuture(false);
		}
		try {
			return NatsFlushes.drain(this.connection, dispatcher,
					Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return CompletableFuture.completedFuture(false);
		}
		catch (TimeoutException | RuntimeException ex) {
			logger.debug("Listener '" + getListenerId() + "' could not drain a consumer: " + ex);
			return CompletableFuture.completedFuture(false);
		}
	}

	/**
	 * Wait until the dispatchers have drained, no handler runs and no asynchronous
	 * result is outstanding, keeping in-flight messages alive meanwhile.
	 * @return {@code false} if the deadline passed first
	 */
	private boolean awaitStopped(List<Worker> stopping, long deadline) {
		long keepAliveNanos = keepAliveNanos();
		OutstandingResults outstanding = this.invoker.outstanding();
		while (System.nanoTime() < deadline) {
			boolean stopped = outstanding.isIdle();
			for (Worker worker : stopping) {
				worker.handler().keepAlive(keepAliveNanos);
				stopped &= worker.isStopped();
			}
			outstanding.keepAlive(keepAliveNanos);
			this.deadLetters.keepAlive(keepAliveNanos);
			if (stopped) {
				return true;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private void close(Worker worker) {
		closeQuietly(worker.consumer());
		closeQuietly(worker.dispatcher());
		worker.handler().close();
	}

	private void closeQuietly(Dispatcher dispatcher) {
		if (dispatcher.isActive()) {
			try {
				this.connection.closeDispatcher(dispatcher);
			}
			catch (RuntimeException ex) {
				logger.debug("Closing a dispatcher of listener '" + getListenerId() + "' failed: " + ex);
			}
		}
	}

	private void closeQuietly(MessageConsumer consumer) {
		try {
			consumer.close();
		}
		catch (Exception ex) {
			logger.debug("Closing a consumer of listener '" + getListenerId() + "' failed: " + ex);
		}
	}

	@Override
	protected void doPause() {
		stopWorkers();
	}

	@Override
	protected void doResume() {
		startWorkers();
	}

	@Override
	public long getDroppedCount() {
		return 0;
	}

	/**
	 * The number of messages this listener gave up on whose dead letters could not be
	 * published yet: they are kept, and retried in the background.
	 * @return the count
	 */
	public int getPendingDeadLetterCount() {
		DeadLetters deadLetters = this.deadLetters;
		return (deadLetters != null) ? deadLetters.getPendingCount() : 0;
	}

	@Override
	protected boolean isReceiving() {
		return !this.pullsLost;
	}

	@Override
	public String toString() {
		return "JetStreamNatsListenerContainer[id=" + getListenerId() + ", stream=" + getEndpoint().getJetStream().stream()
				+ ", consumer=" + getConsumerName() + ", concurrency=" + getEndpoint().getConcurrency() + "]";
	}

	/**
	 * One consumer of the container on a dispatcher of its own, with its handler (and the
	 * messages the handler holds), the signal that makes it hand back what it had buffered, and, once it
	 * stops, the drain of its dispatcher.
	 */
	private static final class Worker {

		private final MessageConsumer consumer;

		private final Dispatcher dispatcher;

		private final JetStreamWorkerHandler handler;

		private final StopSignal stopSignal;

		private volatile CompletableFuture<Boolean> drained;

		Worker(MessageConsumer consumer, Dispatcher dispatcher, JetStreamWorkerHandler handler,
				StopSignal stopSignal) {
			this.consumer = consumer;
			this.dispatcher = dispatcher;
			this.handler = handler;
			this.stopSignal = stopSignal;
		}

		MessageConsumer consumer() {
			return this.consumer;
		}

		Dispatcher dispatcher() {
			return this.dispatcher;
		}

		JetStreamWorkerHandler handler() {
			return this.handler;
		}

		StopSignal stopSignal() {
			return this.stopSignal;
		}

		/**
		 * Whether the worker was told to stop, its dispatcher has drained and no handler
		 * runs.
		 */
		boolean isStopped() {
			CompletableFuture<Boolean> drained = this.drained;
			return drained != null && drained.isDone() && this.handler.isIdle();
		}

	}

}
