package io.github.natsboot.reactive;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.DeadLetterPublisher;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@link ReactiveNatsOperations} on top of a {@link NatsTemplate}: publishes, requests
 * and stream publishes go through the template's asynchronous methods, so they share its
 * conversion, size checks, error translation, metrics and observations, and its window of
 * unacknowledged stream publishes. Subscriptions and consumers are bounded: see
 * {@link #subscribeMessages(String, String, Class)} and
 * {@link #receive(String, String, Class)}. Thread safe; configure it before use.
 */
public class ReactiveNatsTemplate implements ReactiveNatsOperations {

	private static final Log logger = LogFactory.getLog(ReactiveNatsTemplate.class);

	private final NatsTemplate template;

	private final DeadLetterPublisher deadLetterPublisher;

	private final Map<String, ReactiveKeyValueOperations> keyValues = new ConcurrentHashMap<>();

	private Scheduler blockingScheduler = Schedulers.boundedElastic();

	private long pendingMessages = 512 * 1024;

	private long pendingBytes = 64 * 1024 * 1024;

	private String deadLetterSubject;

	private int maxBatch = 256;

	private Duration fetchExpiry = Duration.ofSeconds(1);

	/**
	 * Create a template.
	 * @param template the blocking template that sends for it
	 */
	public ReactiveNatsTemplate(NatsTemplate template) {
		this.template = template;
		this.deadLetterPublisher = new DeadLetterPublisher(template.getConnection());
	}

	/**
	 * Set the pending limits of each subscription: how many messages, and how many bytes,
	 * may wait for the subscriber's demand before the connection drops further messages.
	 * Defaults to 524288 messages and 64 MB, jnats's defaults.
	 * @param pendingMessages the message limit
	 * @param pendingBytes the byte limit
	 */
	public void setPendingLimits(long pendingMessages, long pendingBytes) {
		this.pendingMessages = pendingMessages;
		this.pendingBytes = pendingBytes;
	}

	/**
	 * Set the subject a JetStream message whose payload cannot be converted is published
	 * to before it is terminated, with {@code {stream}} and {@code {consumer}}
	 * placeholders. None by default: the message is only terminated.
	 * @param deadLetterSubject the subject pattern, or {@code null} for none
	 */
	public void setDeadLetterSubject(String deadLetterSubject) {
		this.deadLetterSubject = deadLetterSubject;
	}

	/**
	 * Set the most messages one fetch of {@link #receive} asks the server for, however
	 * much was requested. Defaults to 256.
	 * @param maxBatch the batch, at least 1
	 */
	public void setMaxBatch(int maxBatch) {
		if (maxBatch < 1) {
			throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
		}
		this.maxBatch = maxBatch;
	}

	/**
	 * Set how long one fetch of {@link #receive} waits for messages before the next one
	 * is sent; also how long a cancelled receive may keep its thread. Defaults to 1
	 * second.
	 * @param fetchExpiry the expiry
	 */
	public void setFetchExpiry(Duration fetchExpiry) {
		this.fetchExpiry = fetchExpiry;
	}

	/**
	 * Set the scheduler of what only jnats offers as a blocking call: key-value
	 * operations, JetStream fetches, closing subscriptions, and stream publishes that wait
	 * for room in the window of unacknowledged publishes. Defaults to
	 * {@link Schedulers#boundedElastic()}.
	 * @param blockingScheduler the scheduler
	 */
	public void setBlockingScheduler(Scheduler blockingScheduler) {
		this.blockingScheduler = blockingScheduler;
	}

	/**
	 * Return the blocking template this one sends with.
	 * @return the template
	 */
	public NatsTemplate getNatsTemplate() {
		return this.template;
	}

	@Override
	public Mono<Void> publish(String subject, Object payload) {
		return publish(subject, payload, null);
	}

	@Override
	public Mono<Void> publish(String subject, Object payload, Headers headers) {
		return Mono.fromRunnable(() -> this.template.publish(subject, payload, headers));
	}

	@Override
	public <T> Mono<T> request(String subject, Object payload, Class<T> replyType) {
		return request(subject, payload, null, replyType, this.template.getRequestTimeout());
	}

	@Override
	public <T> Mono<T> request(String subject, Object payload, Class<T> replyType, Duration timeout) {
		return request(subject, payload, null, replyType, timeout);
	}

	@Override
	public <T> Mono<T> request(String subject, Object payload, Headers headers, Class<T> replyType,
			Duration timeout) {
		return Mono.fromFuture(() -> this.template.requestAsync(subject, payload, headers, replyType, timeout), false);
	}

	@Override
	public Mono<PublishAck> publishToStream(String subject, Object payload) {
		return publishToStream(subject, payload, null, null);
	}

	@Override
	public Mono<PublishAck> publishToStream(String subject, Object payload, Headers headers, String messageId) {
		PublishOptions options = (messageId != null) ? PublishOptions.builder().messageId(messageId).build() : null;
		return Mono.defer(() -> {
			CompletableFuture<PublishAck> ack = this.template.tryPublishToStreamAsync(subject, payload, headers,
					options);
			if (ack != null) {
				return Mono.fromFuture(ack);
			}
			return Mono.fromFuture(() -> this.template.publishToStreamAsync(subject, payload, headers, options))
				.subscribeOn(this.blockingScheduler);
		});
	}

	@Override
	public <T> Flux<T> subscribe(String subject, Class<T> type) {
		return subscribe(subject, null, type);
	}

	@Override
	public <T> Flux<T> subscribe(String subject, String queueGroup, Class<T> type) {
		return subscribeMessages(subject, queueGroup, type).handle((message, sink) -> {
			if (message.payload() != null) {
				sink.next(message.payload());
			}
		});
	}

	@Override
	public <T> Flux<NatsReceivedMessage<T>> subscribeMessages(String subject, String queueGroup, Class<T> type) {
		return new BoundedSubscription(this.template.getConnection(), this.template.getMessageConverter(),
				this.pendingMessages, this.pendingBytes, this.blockingScheduler)
			.flux(subject, queueGroup, type);
	}

	@Override
	public <T> Flux<AcknowledgeableNatsMessage<T>> receive(String stream, String consumer, Class<T> type) {
		JetStreamFetcher.JetStreamFetcherSettings settings = new JetStreamFetcher.JetStreamFetcherSettings(
				this.template.getConnection(), this.template.getMessageConverter(), this.deadLetterPublisher,
				this.deadLetterSubject, this.maxBatch, this.fetchExpiry);
		return Flux.create(
				(sink) -> new JetStreamFetcher<>(settings, stream, consumer, type, sink, this.blockingScheduler).start(),
				FluxSink.OverflowStrategy.ERROR);
	}

	@Override
	public <T, R> Flux<R> consume(String stream, String consumer, Class<T> type,
			Function<? super T, ? extends Mono<R>> handler) {
		return receive(stream, consumer, type).concatMap((message) -> handle(message, handler), 1);
	}

	private <T, R> Mono<R> handle(AcknowledgeableNatsMessage<T> message,
			Function<? super T, ? extends Mono<R>> handler) {
		return Mono.defer(() -> handler.apply(message.getPayload()))
			.flatMap((result) -> message.ack().thenReturn(result))
			.switchIfEmpty(message.ack().then(Mono.empty()))
			.onErrorResume((ex) -> {
				logger.warn("Handling a message of " + message.getSubject() + " (stream sequence "
						+ message.getMetaData().streamSequence() + ") failed; it is negatively acknowledged for "
						+ "redelivery: " + ex);
				return message.nak().then(Mono.empty());
			});
	}

	@Override
	public ReactiveKeyValueOperations keyValue(String bucket) {
		return this.keyValues.computeIfAbsent(bucket,
				(name) -> new ReactiveKeyValueTemplate(this.template.keyValue(name), this.blockingScheduler));
	}

}
