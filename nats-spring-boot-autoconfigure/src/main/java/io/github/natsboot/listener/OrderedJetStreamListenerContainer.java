package io.github.natsboot.listener;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.natsboot.core.JetStreamApiErrorCodes;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.MessageConsumer;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.StreamContext;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StreamInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Listener container of an ordered (broadcast) JetStream listener: consumes the stream
 * through a jnats ordered consumer ({@link StreamContext#createOrderedConsumer}) on a
 * dispatcher of its own, one message at a time in stream order, without durable state or
 * acknowledgements, so that every instance of the application receives every message.
 * jnats's ordered consumer recovers from gaps by itself; after a server restart it does
 * so only once its idle heartbeats are missed (measured: 14 s with the 5 s pull expiry,
 * 89 s with jnats's default of 30 s). A watchdog ticking every second therefore replaces
 * the ordered consumer as soon as the connection has reconnected (and retries while that
 * fails), starting the new one right after the stream sequence of the last message the
 * listener handled, so that nothing is missed nor handled twice. Pausing stops the
 * consumer and resuming continues after the last message handled; a stopped container
 * that is started again begins afresh with its {@link NatsListener#deliver() deliver}
 * option.
 */
public class OrderedJetStreamListenerContainer extends AbstractNatsListenerContainer {

	private static final Log logger = LogFactory.getLog(OrderedJetStreamListenerContainer.class);

	private static final long WATCHDOG_TICK_MILLIS = 1000;

	private static final String SERVER_WITH_FILTER_SUBJECTS = "2.10.0";

	private final Connection connection;

	private final JetStreamNatsListenerContainerFactory factory;

	private final ScheduledExecutorService scheduler;

	private final ListenerInvoker invoker;

	private final List<String> subjects;

	private StreamContext streamContext;

	private OrderedDelivery startDelivery;

	private volatile Consumption consumption;

	private ScheduledFuture<?> watchdog;

	private long reconnects;

	private volatile long lastSequence;

	private volatile boolean consumptionLost;

	OrderedJetStreamListenerContainer(NatsListenerEndpoint endpoint, Connection connection,
			JetStreamNatsListenerContainerFactory factory, ScheduledExecutorService scheduler,
			NatsListenerInstrumentation instrumentation) {
		super(endpoint);
		this.connection = connection;
		this.factory = factory;
		this.scheduler = scheduler;
		this.invoker = instrumentation.invokerFor(endpoint);
		this.subjects = List.copyOf(endpoint.getSubjects());
	}

	/**
	 * The stream this container consumes from.
	 * @return the stream name
	 */
	public String getStreamName() {
		return getEndpoint().getJetStream().stream();
	}

	/**
	 * The name of the ordered consumer jnats created on the server: it changes each
	 * time the consumer is replaced.
	 * @return the consumer name, or {@code null} while the container does not consume
	 */
	public String getConsumerName() {
		Consumption current = this.consumption;
		return (current != null) ? current.context().getConsumerName() : null;
	}

	/**
	 * The stream sequence of the last message the listener handled since it started.
	 * @return the sequence, {@code 0} before the first message
	 */
	public long getLastStreamSequence() {
		Consumption current = this.consumption;
		return (current != null) ? current.handler().lastSequence() : this.lastSequence;
	}

	@Override
	protected void doStart() {
		StreamInfo info = bind();
		this.lastSequence = 0;
		OrderedDelivery delivery = getEndpoint().getJetStream().ordered();
		this.startDelivery = (delivery.policy() == DeliverPolicy.New)
				? OrderedDelivery.fromSequence(info.getStreamState().getLastSequence() + 1) : delivery;
		try {
			this.consumption = consume(this.startDelivery);
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsListenerBindingException(getListenerId(), getStreamName(), null,
					"@NatsListener '" + getListenerId() + "' could not create an ordered consumer on stream '"
							+ getStreamName() + "': " + ex.getMessage());
		}
		this.consumptionLost = false;
		this.reconnects = this.connection.getStatistics().getReconnects();
		this.watchdog = this.scheduler.scheduleWithFixedDelay(this::watch, WATCHDOG_TICK_MILLIS,
				WATCHDOG_TICK_MILLIS, TimeUnit.MILLISECONDS);
	}

	private StreamInfo bind() {
		String stream = getStreamName();
		try {
			requireFilterSubjectsSupported();
			StreamInfo info = this.connection.jetStreamManagement().getStreamInfo(stream);
			this.streamContext = this.connection.getStreamContext(stream);
			return info;
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == JetStreamApiErrorCodes.STREAM_NOT_FOUND) {
				throw new NatsListenerBindingException(getListenerId(), stream, null,
						"@NatsListener '" + getListenerId() + "' is bound to stream '" + stream
								+ "', which does not exist: declare it under " + definitionPrefix() + "streams."
								+ stream + " or create it before the listener starts");
			}
			throw new NatsListenerBindingException(getListenerId(), stream, null,
					"@NatsListener '" + getListenerId() + "' could not bind to stream '" + stream + "': "
							+ ex.getMessage());
		}
		catch (IOException ex) {
			throw new NatsListenerBindingException(getListenerId(), stream, null,
					"@NatsListener '" + getListenerId() + "' could not reach JetStream: " + ex.getMessage());
		}
	}

	/**
	 * Server 2.9 ignores all but one of a consumer's filter subjects, so an ordered
	 * listener on several subjects would receive messages of subjects it did not ask for.
	 */
	private void requireFilterSubjectsSupported() {
		if (this.subjects.size() > 1 && this.connection.getServerInfo() != null
				&& !this.connection.getServerInfo().isSameOrNewerThanVersion(SERVER_WITH_FILTER_SUBJECTS)) {
			throw new NatsListenerBindingException(getListenerId(), getStreamName(), null,
					"@NatsListener '" + getListenerId() + "' is ordered on several subjects " + this.subjects
							+ ", which needs nats-server 2.10 or newer (connected to "
							+ this.connection.getServerInfo().getVersion()
							+ "): listen on one subject, a wildcard that covers them, or the whole stream");
		}
	}

	private String definitionPrefix() {
		String connection = getEndpoint().getConnection();
		return (connection != null) ? "nats.connections." + connection + ".jetstream." : "nats.jetstream.";
	}

	private Consumption consume(OrderedDelivery delivery) throws IOException, JetStreamApiException {
		OrderedConsumerContext context = this.streamContext.createOrderedConsumer(delivery.configuration(this.subjects));
		OrderedListenerMessageHandler handler = new OrderedListenerMessageHandler(this.invoker, this.lastSequence);
		Dispatcher dispatcher = this.connection.createDispatcher();
		try {
			MessageConsumer consumer = context.consume(this.factory.consumeOptions(), dispatcher, handler);
			return new Consumption(context, consumer, dispatcher, handler);
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			closeQuietly(dispatcher);
			throw ex;
		}
	}

	/**
	 * Where a replacing consumer starts: right after the last message handled, or where
	 * the listener started when it has handled none yet.
	 */
	private OrderedDelivery resumeDelivery() {
		return (this.lastSequence > 0) ? OrderedDelivery.fromSequence(this.lastSequence + 1) : this.startDelivery;
	}

	private void watch() {
		try {
			long reconnectsNow = this.connection.getStatistics().getReconnects();
			boolean reconnected = reconnectsNow != this.reconnects;
			if ((reconnected || this.consumptionLost) && this.connection.getStatus() == Connection.Status.CONNECTED) {
				this.reconnects = reconnectsNow;
				replaceConsumer(reconnected ? "Connection re-established" : "Retrying");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Watchdog of listener '" + getListenerId() + "' failed: " + ex);
		}
	}

	private void replaceConsumer(String reason) {
		synchronized (this.lifecycleMonitor) {
			if (!isRunning() || isPaused()) {
				return;
			}
			endConsumption();
			OrderedDelivery delivery = resumeDelivery();
			logger.info(reason + ": listener '" + getListenerId() + "' resumes stream '" + getStreamName()
					+ "' with a new ordered consumer from " + delivery);
			try {
				this.consumption = consume(delivery);
				this.consumptionLost = false;
			}
			catch (IOException | JetStreamApiException | RuntimeException ex) {
				this.consumptionLost = true;
				logger.warn("Listener '" + getListenerId() + "' could not create its ordered consumer yet: "
						+ ex.getMessage());
			}
		}
	}

	/**
	 * Stop the current consumer: its handler handles nothing more once the message it
	 * handles, if any, is done, its results still outstanding complete (or are given up
	 * at the stop timeout), and the last stream sequence handled is kept for the next
	 * consumer.
	 */
	private void endConsumption() {
		Consumption current = this.consumption;
		if (current == null) {
			return;
		}
		this.consumption = null;
		long deadline = System.nanoTime() + this.factory.getStopTimeout().toNanos();
		current.consumer().stop();
		boolean idle = current.handler().retire(deadline);
		OutstandingResults outstanding = this.invoker.outstanding();
		idle &= outstanding.awaitIdle(deadline);
		if (!idle) {
			logger.warn("Listener '" + getListenerId() + "' was still handling a message after "
					+ this.factory.getStopTimeout() + "; it stops without waiting for it");
		}
		outstanding.abandon();
		this.lastSequence = current.handler().lastSequence();
		closeQuietly(current.consumer());
		closeQuietly(current.dispatcher());
	}

	private void closeQuietly(MessageConsumer consumer) {
		try {
			consumer.close();
		}
		catch (Exception ex) {
			logger.debug("Closing the ordered consumer of listener '" + getListenerId() + "' failed: " + ex);
		}
	}

	private void closeQuietly(Dispatcher dispatcher) {
		if (dispatcher.isActive()) {
			try {
				this.connection.closeDispatcher(dispatcher);
			}
			catch (RuntimeException ex) {
				logger.debug("Closing the dispatcher of listener '" + getListenerId() + "' failed: " + ex);
			}
		}
	}

	@Override
	protected void doStop() {
		if (this.watchdog != null) {
			this.watchdog.cancel(false);
		}
		endConsumption();
	}

	@Override
	protected void doPause() {
		endConsumption();
	}

	@Override
	protected void doResume() {
		try {
			this.consumption = consume(resumeDelivery());
			this.consumptionLost = false;
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			this.consumptionLost = true;
			logger.warn("Listener '" + getListenerId() + "' could not resume its ordered consumer yet, retrying: "
					+ ex.getMessage());
		}
	}

	@Override
	public long getDroppedCount() {
		return 0;
	}

	@Override
	protected boolean isReceiving() {
		return !this.consumptionLost;
	}

	@Override
	public String toString() {
		return "OrderedJetStreamListenerContainer[id=" + getListenerId() + ", stream=" + getStreamName()
				+ ", subjects=" + this.subjects + ", deliver=" + getEndpoint().getJetStream().ordered() + "]";
	}

	/**
	 * One ordered consumer of the container, with its dispatcher and handler.
	 */
	private record Consumption(OrderedConsumerContext context, MessageConsumer consumer, Dispatcher dispatcher,
			OrderedListenerMessageHandler handler) {

	}

}
