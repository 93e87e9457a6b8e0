package io.github.natsboot.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.natsboot.core.NatsLifecyclePhases;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamState;
import io.nats.client.support.NatsObjectStoreUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Gauges of JetStream streams, consumers and object stores, read from the server on a
 * scheduler thread every poll interval and never per message: messages and bytes of each
 * stream, pending and acknowledgement-pending messages of each consumer, bytes and chunk
 * and metadata messages of each object store. The streams, consumers and object stores to
 * watch are asked for at each poll, so consumers bound by listeners after startup are
 * picked up. A gauge whose stream or consumer cannot be read shows {@code NaN}.
 */
public class NatsJetStreamMetrics implements MeterBinder, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(NatsJetStreamMetrics.class);

	private final Connection connection;

	private final Duration pollInterval;

	private final Supplier<Collection<String>> streams;

	private final Supplier<Collection<ConsumerName>> consumers;

	private final Supplier<Collection<String>> objectStores;

	private final Map<String, StreamGauges> streamGauges = new ConcurrentHashMap<>();

	private final Map<ConsumerName, ConsumerGauges> consumerGauges = new ConcurrentHashMap<>();

	private final Map<String, ObjectStoreGauges> objectStoreGauges = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private volatile MeterRegistry registry;

	private ScheduledExecutorService scheduler;

	private ScheduledFuture<?> poll;

	private JetStreamManagement management;

	private boolean failureLogged;

	/**
	 * Create the gauges.
	 * @param connection the connection to read stream and consumer information on
	 * @param pollInterval the interval between two reads
	 * @param streams the streams to watch
	 * @param consumers the consumers to watch
	 */
	public NatsJetStreamMetrics(Connection connection, Duration pollInterval, Supplier<Collection<String>> streams,
			Supplier<Collection<ConsumerName>> consumers) {
		this(connection, pollInterval, streams, consumers, List::of);
	}

	/**
	 * Create the gauges, object stores included.
	 * @param connection the connection to read stream and consumer information on
	 * @param pollInterval the interval between two reads
	 * @param streams the streams to watch
	 * @param consumers the consumers to watch
	 * @param objectStores the object store buckets to watch
	 */
	public NatsJetStreamMetrics(Connection connection, Duration pollInterval, Supplier<Collection<String>> streams,
			Supplier<Collection<ConsumerName>> consumers, Supplier<Collection<String>> objectStores) {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("The JetStream metrics poll interval must be positive, was "
					+ pollInterval);
		}
		this.connection = connection;
		this.pollInterval = pollInterval;
		this.streams = streams;
		this.consumers = consumers;
		this.objectStores = objectStores;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.scheduler != null) {
				return;
			}
			this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "nats-jetstream-metrics");
				thread.setDaemon(true);
				return thread;
			});
			this.poll = this.scheduler.scheduleWithFixedDelay(this::poll, 0, this.pollInterval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (this.scheduler == null) {
				return;
			}
			this.poll.cancel(false);
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.scheduler != null;
		}
	}

	@Override
	public int getPhase() {
		return NatsLifecyclePhases.TEMPLATE;
	}

	/**
	 * Read the information of every watched stream and consumer now.
	 */
	public void poll() {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		try {
			for (String stream : this.streams.get()) {
				this.streamGauges.computeIfAbsent(stream, (name) -> new StreamGauges(registry, name)).update();
			}
			for (ConsumerName consumer : this.consumers.get()) {
				this.consumerGauges.computeIfAbsent(consumer, (name) -> new ConsumerGauges(registry, name)).update();
			}
			for (String objectStore : this.objectStores.get()) {
				this.objectStoreGauges.computeIfAbsent(objectStore, (name) -> new ObjectStoreGauges(registry, name))
					.update();
			}
			this.failureLogged = false;
		}
		catch (RuntimeException ex) {
			if (!this.failureLogged) {
				logger.warn("Could not read JetStream metrics: " + ex);
				this.failureLogged = true;
			}
		}
	}

	private JetStreamManagement management() throws IOException {
		if (this.management == null) {
			this.management = this.connection.jetStreamManagement();
		}
		return this.management;
	}

	private boolean connected() {
		return this.connection.getStatus() == Connection.Status.CONNECTED;
	}

	/**
	 * A durable consumer of a stream.
	 *
	 * @param stream the stream name
	 * @param consumer the consumer name
	 */
	public record ConsumerName(String stream, String consumer) {

	}

	/**
	 * The last polled value behind one gauge; {@code NaN} until read, and when the last
	 * read failed.
	 */
	private static final class Value {

		private volatile double value = Double.NaN;

		static Value gauge(MeterRegistry registry, String name, String description, String baseUnit, Tags tags) {
			Value value = new Value();
			Gauge.builder(name, value, (polled) -> polled.value)
				.description(description)
				.baseUnit(baseUnit)
				.tags(tags)
				.strongReference(true)
				.register(registry);
			return value;
		}

	}

	private final class StreamGauges {

		private final String stream;

		private final Value messages;

		private final Value bytes;

		StreamGauges(MeterRegistry registry, String stream) {
			this.stream = stream;
			Tags tags = Tags.of("stream", stream);
			this.messages = Value.gauge(registry, "nats.stream.messages", "Messages stored in the stream",
					BaseUnits.MESSAGES, tags);
			this.bytes = Value.gauge(registry, "nats.stream.bytes", "Bytes stored in the stream", BaseUnits.BYTES,
					tags);
		}

		void update() {
			try {
				if (!connected()) {
					return;
				}
				StreamState state = management().getStreamInfo(this.stream).getStreamState();
				this.messages.value = state.getMsgCount();
				this.bytes.value = state.getByteCount();
			}
			catch (IOException | JetStreamApiException ex) {
				logger.debug("Could not read stream '" + this.stream + "': " + ex);
				this.messages.value = Double.NaN;
				this.bytes.value = Double.NaN;
			}
		}

	}

	private final class ConsumerGauges {

		private final ConsumerName name;

		private final Value pending;

		private final Value ackPending;

		ConsumerGauges(MeterRegistry registry, ConsumerName name) {
			this.name = name;
			Tags tags = Tags.of("stream", name.stream(), "consumer", name.consumer());
			this.pending = Value.gauge(registry, "nats.consumer.pending",
					"Messages of the stream not yet delivered to the consumer", BaseUnits.MESSAGES, tags);
			this.ackPending = Value.gauge(registry, "nats.consumer.ack.pending",
					"Messages delivered to the consumer and not yet acknowledged", BaseUnits.MESSAGES, tags);
		}

		void update() {
			try {
				if (!connected()) {
					return;
				}
				ConsumerInfo info = management().getConsumerInfo(this.name.stream(), this.name.consumer());
				this.pending.value = info.getNumPending();
				this.ackPending.value = info.getNumAckPending();
			}
			catch (IOException | JetStreamApiException ex) {
				logger.debug("Could not read consumer '" + this.name.consumer() + "' of stream '" + this.name.stream()
						+ "': " + ex);
				this.pending.value = Double.NaN;
				this.ackPending.value = Double.NaN;
			}
		}

	}

	private final class ObjectStoreGauges {

		private final String bucket;

		private final Value bytes;

		private final Value messages;

		ObjectStoreGauges(MeterRegistry registry, String bucket) {
			this.bucket = bucket;
			Tags tags = Tags.of("bucket", bucket);
			this.bytes = Value.gauge(registry, "nats.object.store.bytes",
					"Bytes stored in the object store, content and metadata", BaseUnits.BYTES, tags);
			this.messages = Value.gauge(registry, "nats.object.store.messages",
					"Chunk and metadata messages stored in the object store", BaseUnits.MESSAGES, tags);
		}

		void update() {
			try {
				if (!connected()) {
					return;
				}
				StreamState state = management().getStreamInfo(NatsObjectStoreUtil.toStreamName(this.bucket))
					.getStreamState();
				this.bytes.value = state.getByteCount();
				this.messages.value = state.getMsgCount();
			}
			catch (IOException | JetStreamApiException ex) {
				logger.debug("Could not read object store '" + this.bucket + "': " + ex);
				this.bytes.value = Double.NaN;
				this.messages.value = Double.NaN;
			}
		}

	}

}
