package io.github.natsboot.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.kv.KeyValueOperations;
import io.github.natsboot.kv.NatsKeyValueTemplate;
import io.github.natsboot.objectstore.NatsObjectStoreTemplate;
import io.github.natsboot.objectstore.ObjectStoreOperations;
import io.github.natsboot.metrics.NatsTemplateObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanNameAware;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes messages, sends requests, publishes to JetStream streams and reads and
 * writes Key-Value buckets and object stores over one
 * {@link Connection}, converting payloads with a {@link NatsMessageConverter}. Thread
 * safe. On shutdown it waits for pending asynchronous JetStream acknowledgements before
 * the connection drains.
 *
 * <p>What it sends can be recorded as metrics ({@link #setMetrics}) and, when enabled, as
 * Micrometer observations whose trace context travels in the message headers
 * ({@link #setObservationEnabled}); both are set up before the template is used.
 */
public class NatsTemplate implements NatsOperations, SmartLifecycle, BeanNameAware {

	private static final Log logger = LogFactory.getLog(NatsTemplate.class);

	private final Connection connection;

	private final NatsMessageConverter converter;

	private final OutgoingMessageFactory messageFactory;

	private final ReplyReader replyReader;

	private final JetStreamPublisher jetStreamPublisher;

	private final Duration requestTimeout;

	private final Map<String, KeyValueOperations> keyValues = new ConcurrentHashMap<>();

	private final Map<String, ObjectStoreOperations> objectStores = new ConcurrentHashMap<>();

	private NatsTemplateMetrics metrics = NatsTemplateMetrics.NONE;

	private boolean observationEnabled;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private NatsTemplateObservationConvention observationConvention;

	private String beanName = "natsTemplate";

	private TemplateObservations observations;

	private volatile boolean running;

	/**
	 * Create a template with a 5 second request timeout, a 5 second JetStream publish
	 * timeout and at most 1000 asynchronous JetStream publishes awaiting acknowledgement.
	 * @param connection the connection
	 * @param converter the payload converter
	 */
	public NatsTemplate(Connection connection, NatsMessageConverter converter) {
		this(connection, converter, Duration.ofSeconds(5), Duration.ofSeconds(5), 1000);
	}

	/**
	 * Create a template.
	 * @param connection the connection
	 * @param converter the payload converter
	 * @param requestTimeout the default request timeout
	 * @param publishTimeout how long a JetStream publish waits for its acknowledgement
	 * @param maxInFlight how many asynchronous JetStream publishes may await their
	 * acknowledgement at once
	 */
	public NatsTemplate(Connection connection, NatsMessageConverter converter, Duration requestTimeout,
			Duration publishTimeout, int maxInFlight) {
		if (maxInFlight < 1) {
			throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
		}
		this.connection = connection;
		this.converter = converter;
		this.messageFactory = new OutgoingMessageFactory(converter);
		this.replyReader = new ReplyReader(converter);
		this.jetStreamPublisher = new JetStreamPublisher(connection, publishTimeout, maxInFlight);
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Set the metrics that record what this template sends.
	 * @param metrics the metrics, {@link NatsTemplateMetrics#NONE} for none
	 */
	public void setMetrics(NatsTemplateMetrics metrics) {
		this.metrics = (metrics != null) ? metrics : NatsTemplateMetrics.NONE;
	}

	/**
	 * Set whether each publish and request is recorded as an observation, whose trace
	 * context is sent in the message headers. Off by default.
	 * @param observationEnabled whether to observe
	 */
	public void setObservationEnabled(boolean observationEnabled) {
		this.observationEnabled = observationEnabled;
		updateObservations();
	}

	/**
	 * Set the registry of the observations.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = (observationRegistry != null) ? observationRegistry : ObservationRegistry.NOOP;
		updateObservations();
	}

	/**
	 * Set a convention that replaces the default one of the observations.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(NatsTemplateObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		updateObservations();
	}

	@Override
	public void setBeanName(String beanName) {
		this.beanName = beanName;
		updateObservations();
	}

	private void updateObservations() {
		this.observations = (this.observationEnabled && !this.observationRegistry.isNoop())
				? new TemplateObservations(this.observationRegistry, this.observationConvention, this.beanName) : null;
	}

	/**
	 * The connection this template uses.
	 * @return the connection
	 */
	public Connection getConnection() {
		return this.connection;
	}

	/**
	 * The default request timeout.
	 * @return the timeout
	 */
	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	/**
	 * The converter this template uses.
	 * @return the converter
	 */
	public NatsMessageConverter getMessageConverter() {
		return this.converter;
	}

	@Override
	public void publish(String subject, Object payload) {
		publish(subject, payload, null);
	}

	@Override
	public void publish(String subject, Object payload, Headers headers) {
		OutgoingMessage message = createMessage(subject, payload, headers);
		if (this.observations != null) {
			this.observations.observe(NatsTemplateOperation.PUBLISH, message, this::send);
		}
		else {
			send(message);
		}
	}

	private Void send(OutgoingMessage message) {
		long start = this.metrics.start(NatsTemplateOperation.PUBLISH);
		try {
			this.connection.publish(message.subject(), message.headers(), message.data());
		}
		catch (RuntimeException ex) {
			this.metrics.record(NatsTemplateOperation.PUBLISH, start, ex);
			throw ex;
		}
		this.metrics.record(NatsTemplateOperation.PUBLISH, start, null);
		return null;
	}

	@Override
	public <T> T request(String subject, Object payload, Class<T> replyType) {
		return request(subject, payload, null, replyType, this.requestTimeout);
	}

	@Override
	public <T> T request(String subject, Object payload, Class<T> replyType, Duration timeout) {
		return request(subject, payload, null, replyType, timeout);
	}

	@Override
	public <T> T request(String subject, Object payload, Headers headers, Class<T> replyType, Duration timeout) {
		OutgoingMessage message = createMessage(subject, payload, headers);
		if (this.observations != null) {
			return this.observations.observe(NatsTemplateOperation.REQUEST, message,
					(traced) -> awaitReply(traced, replyType, timeout));
		}
		return awaitReply(message, replyType, timeout);
	}

	/**
	 * Send a request and wait for its reply on the calling thread: no timer and no
	 * future stages, so that a synchronous request costs what a raw one does.
	 */
	private <T> T awaitReply(OutgoingMessage message, Class<T> replyType, Duration timeout) {
		String subject = message.subject();
		long start = this.metrics.start(NatsTemplateOperation.REQUEST);
		RuntimeException failure = null;
		try {
			CompletableFuture<Message> request = this.connection.requestWithTimeout(subject, message.headers(),
					message.data(), timeout);
			Message reply;
			try {
				reply = request.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				request.cancel(true);
				throw new NatsException("Interrupted while waiting for a reply from '" + subject + "'", ex);
			}
			catch (ExecutionException | TimeoutException | CancellationException ex) {
				request.cancel(true);
				throw this.replyReader.translate(subject, timeout, ex, request);
			}
			return this.replyReader.read(subject, reply, replyType);
		}
		catch (RuntimeException ex) {
			failure = ex;
			throw ex;
		}
		finally {
			this.metrics.record(NatsTemplateOperation.REQUEST, start, failure);
		}
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String subject, Object payload, Class<T> replyType) {
		return requestAsync(subject, payload, null, replyType, this.requestTimeout);
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String subject, Object payload, Headers headers, Class<T> replyType,
			Duration timeout) {
		OutgoingMessage message = createMessage(subject, payload, headers);
		if (this.observations != null) {
			return this.observations.observeAsync(NatsTemplateOperation.REQUEST, message,
					(traced) -> sendRequest(traced, replyType, timeout));
		}
		return sendRequest(message, replyType, timeout);
	}

	private <T> CompletableFuture<T> sendRequest(OutgoingMessage message, Class<T> replyType, Duration timeout) {
		String subject = message.subject();
		long start = this.metrics.start(NatsTemplateOperation.REQUEST);
		CompletableFuture<Message> request;
		try {
			request = this.connection.requestWithTimeout(subject, message.headers(), message.data(), timeout);
		}
		catch (RuntimeException ex) {
			this.metrics.record(NatsTemplateOperation.REQUEST, start, ex);
			throw ex;
		}
		CompletableFuture<T> reply = CancellingFuture.following(request.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
			.handle((response, failure) -> {
				if (failure != null) {
					throw this.replyReader.translate(subject, timeout, failure, request);
				}
				return this.replyReader.read(subject, response, replyType);
			});
		return measured(NatsTemplateOperation.REQUEST, start, reply);
	}

	private <T> CompletableFuture<T> measured(NatsTemplateOperation operation, long start,
			CompletableFuture<T> result) {
		if (this.metrics == NatsTemplateMetrics.NONE) {
			return result;
		}
		return result.whenComplete((value, failure) -> this.metrics.record(operation, start,
				(failure != null) ? TemplateObservations.unwrap(failure) : null));
	}

	@Override
	public PublishAck publishToStream(String subject, Object payload) {
		return publishToStream(subject, payload, null, null);
	}

	@Override
	public PublishAck publishToStream(String subject, Object payload, Headers headers, PublishOptions options) {
		OutgoingMessage message = createMessage(subject, payload, headers);
		if (this.observations != null) {
			return this.observations.observe(NatsTemplateOperation.STREAM_PUBLISH, message,
					(traced) -> sendToStream(traced, options));
		}
		return sendToStream(message, options);
	}

	private PublishAck sendToStream(OutgoingMessage message, PublishOptions options) {
		long start = this.metrics.start(NatsTemplateOperation.STREAM_PUBLISH);
		PublishAck ack;
		try {
			ack = this.jetStreamPublisher.publish(message, options);
		}
		catch (RuntimeException ex) {
			this.metrics.record(NatsTemplateOperation.STREAM_PUBLISH, start, ex);
			throw ex;
		}
		this.metrics.record(NatsTemplateOperation.STREAM_PUBLISH, start, null);
		return ack;
	}

	@Override
	public CompletableFuture<PublishAck> publishToStreamAsync(String subject, Object payload) {
		return publishToStreamAsync(subject, payload, null, null);
	}

	@Override
	public CompletableFuture<PublishAck> publishToStreamAsync(String subject, Object payload, Headers headers,
			PublishOptions options) {
		OutgoingMessage message = createMessage(subject, payload, headers);
		if (this.observations != null) {
			return this.observations.observeAsync(NatsTemplateOperation.STREAM_PUBLISH, message,
					(traced) -> sendToStreamAsync(traced, options));
		}
		return sendToStreamAsync(message, options);
	}

	/**
	 * Publish a message to a JetStream stream asynchronously if the window of publishes
	 * awaiting their acknowledgement has room, without waiting for room as
	 * {@link #publishToStreamAsync(String, Object, Headers, PublishOptions)} does: for
	 * callers that must not block, such as reactive pipelines.
	 * @param subject the subject
	 * @param payload the payload, converted as for any publish
	 * @param headers the headers, may be {@code null}
	 * @param options the publish options, may be {@code null}
	 * @return the acknowledgement to come, or {@code null} when the window is full and
	 * nothing was published
	 */
	public CompletableFuture<PublishAck> tryPublishToStreamAsync(String subject, Object payload, Headers headers,
			PublishOptions options) {
		OutgoingMessage message = createMessage(subject, payload, headers);
		if (!this.jetStreamPublisher.tryReserve()) {
			return null;
		}
		if (this.observations != null) {
			return this.observations.observeAsync(NatsTemplateOperation.STREAM_PUBLISH, message,
					(traced) -> sendToStreamAsync(traced, options, true));
		}
		return sendToStreamAsync(message, options, true);
	}

	private CompletableFuture<PublishAck> sendToStreamAsync(OutgoingMessage message, PublishOptions options) {
		return sendToStreamAsync(message, options, false);
	}

	private CompletableFuture<PublishAck> sendToStreamAsync(OutgoingMessage message, PublishOptions options,
			boolean reserved) {
		long start = this.metrics.start(NatsTemplateOperation.STREAM_PUBLISH);
		CompletableFuture<PublishAck> ack;
		try {
			ack = this.jetStreamPublisher.publishAsync(message, options, reserved);
		}
		catch (RuntimeException ex) {
			this.metrics.record(NatsTemplateOperation.STREAM_PUBLISH, start, ex);
			throw ex;
		}
		return measured(NatsTemplateOperation.STREAM_PUBLISH, start, ack);
	}

	@Override
	public KeyValueOperations keyValue(String bucket) {
		return this.keyValues.computeIfAbsent(bucket,
				(name) -> new NatsKeyValueTemplate(this.connection, name, this.converter));
	}

	@Override
	public ObjectStoreOperations objectStore(String bucket) {
		return this.objectStores.computeIfAbsent(bucket,
				(name) -> new NatsObjectStoreTemplate(this.connection, name, this.converter));
	}

	/**
	 * The number of asynchronous JetStream publishes awaiting their acknowledgement.
	 * @return the pending count
	 */
	public int getPendingStreamPublishes() {
		return this.jetStreamPublisher.getPendingCount();
	}

	private OutgoingMessage createMessage(String subject, Object payload, Headers headers) {
		return this.messageFactory.create(subject, payload, headers, this.connection.getMaxPayload());
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			if (!this.jetStreamPublisher.awaitPending()) {
				logger.warn(this.jetStreamPublisher.getPendingCount()
						+ " asynchronous JetStream publishes were still unacknowledged at shutdown");
			}
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
		return NatsLifecyclePhases.TEMPLATE;
	}

}
