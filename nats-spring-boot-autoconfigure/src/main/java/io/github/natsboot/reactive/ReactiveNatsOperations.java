package io.github.natsboot.reactive;

import java.time.Duration;
import java.util.function.Function;

import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive NATS operations: the {@link io.github.natsboot.core.NatsOperations} of a
 * Reactor application, with the same conversion, headers and exceptions. Every
 * {@link Mono} and {@link Flux} is lazy: nothing is sent nor subscribed until it is
 * subscribed to, and cancelling it stops what it started. No method blocks the thread it
 * is called or subscribed on: what jnats only offers as a blocking call runs on
 * {@link reactor.core.scheduler.Schedulers#boundedElastic()}.
 */
public interface ReactiveNatsOperations {

	/**
	 * Publish a core NATS message.
	 * @param subject the subject
	 * @param payload the payload, converted as the template converts it
	 * @return a {@link Mono} that publishes when subscribed and completes once the message
	 * is queued for sending
	 */
	Mono<Void> publish(String subject, Object payload);

	/**
	 * Publish a core NATS message with headers.
	 * @param subject the subject
	 * @param payload the payload
	 * @param headers the headers, may be {@code null}; not modified
	 * @return a {@link Mono} that publishes when subscribed
	 */
	Mono<Void> publish(String subject, Object payload, Headers headers);

	/**
	 * Send a request and read its reply, with the default request timeout.
	 * @param <T> the reply type
	 * @param subject the subject
	 * @param payload the payload
	 * @param replyType the type to read the reply as
	 * @return a {@link Mono} of the reply (empty for a {@code Void} reply type) that sends
	 * the request when subscribed; it fails with
	 * {@link io.github.natsboot.core.NatsServiceErrorException} on an error reply,
	 * {@link io.github.natsboot.core.NatsNoRespondersException} when nobody listens and
	 * {@link io.github.natsboot.core.NatsRequestTimeoutException} on a timeout;
	 * cancelling it cancels the request
	 */
	<T> Mono<T> request(String subject, Object payload, Class<T> replyType);

	/**
	 * Send a request and read its reply.
	 * @param <T> the reply type
	 * @param subject the subject
	 * @param payload the payload
	 * @param replyType the type to read the reply as
	 * @param timeout how long to wait for the reply
	 * @return a {@link Mono} of the reply, as {@link #request(String, Object, Class)}
	 */
	<T> Mono<T> request(String subject, Object payload, Class<T> replyType, Duration timeout);

	/**
	 * Send a request with headers and read its reply.
	 * @param <T> the reply type
	 * @param subject the subject
	 * @param payload the payload
	 * @param headers the headers, may be {@code null}
	 * @param replyType the type to read the reply as
	 * @param timeout how long to wait for the reply
	 * @return a {@link Mono} of the reply, as {@link #request(String, Object, Class)}
	 */
	<T> Mono<T> request(String subject, Object payload, Headers headers, Class<T> replyType, Duration timeout);

	/**
	 * Publish to a JetStream stream and wait, without blocking, for its acknowledgement.
	 * Publishes share the template's bounded window of unacknowledged stream publishes.
	 * @param subject a subject a stream captures
	 * @param payload the payload
	 * @return a {@link Mono} of the acknowledgement that publishes when subscribed
	 */
	Mono<PublishAck> publishToStream(String subject, Object payload);

	/**
	 * Publish to a JetStream stream with headers and a message id, which the stream uses
	 * to drop a duplicate within its duplicate window.
	 * @param subject a subject a stream captures
	 * @param payload the payload
	 * @param headers the headers, may be {@code null}
	 * @param messageId the message id, {@code null} for none
	 * @return a {@link Mono} of the acknowledgement that publishes when subscribed
	 */
	Mono<PublishAck> publishToStream(String subject, Object payload, Headers headers, String messageId);

	/**
	 * Subscribe to a subject and receive the converted payloads, as many as requested.
	 * @param <T> the payload type
	 * @param subject the subject, wildcards allowed
	 * @param type the type to read payloads as
	 * @return a {@link Flux} of the payloads; it subscribes when subscribed to and
	 * unsubscribes when cancelled
	 * @see #subscribeMessages(String, String, Class)
	 */
	<T> Flux<T> subscribe(String subject, Class<T> type);

	/**
	 * Subscribe to a subject as a member of a queue group: each message goes to one
	 * member of the group.
	 * @param <T> the payload type
	 * @param subject the subject, wildcards allowed
	 * @param queueGroup the queue group
	 * @param type the type to read payloads as
	 * @return a {@link Flux} of the payloads
	 * @see #subscribeMessages(String, String, Class)
	 */
	<T> Flux<T> subscribe(String subject, String queueGroup, Class<T> type);

	/**
	 * Subscribe to a subject and receive the messages with their subject, reply subject
	 * and headers. Core NATS delivers at most once: messages the subscriber has not
	 * requested yet wait in the subscription's pending queue, whose limits are bounded;
	 * past them the connection drops messages and reports a slow consumer, nothing grows.
	 * Messages are delivered on the subscription's own thread; a payload that cannot be
	 * converted is logged and skipped.
	 * @param <T> the payload type
	 * @param subject the subject, wildcards allowed
	 * @param queueGroup the queue group, {@code null} for none
	 * @param type the type to read payloads as
	 * @return a {@link Flux} of the messages
	 */
	<T> Flux<NatsReceivedMessage<T>> subscribeMessages(String subject, String queueGroup, Class<T> type);

	/**
	 * Receive the messages of an existing durable JetStream pull consumer, fetching only
	 * as many as were requested, for the application to acknowledge each
	 * ({@link AcknowledgeableNatsMessage#ack()}). A message whose payload cannot be
	 * converted is never emitted: it is dead-lettered when a dead-letter subject is set,
	 * and terminated. Messages are emitted on a
	 * {@link reactor.core.scheduler.Schedulers#boundedElastic() bounded elastic} thread.
	 * @param <T> the payload type
	 * @param stream the stream
	 * @param consumer the durable consumer of the stream
	 * @param type the type to read payloads as
	 * @return a {@link Flux} of the messages; the fetching stops when it is cancelled
	 */
	<T> Flux<AcknowledgeableNatsMessage<T>> receive(String stream, String consumer, Class<T> type);

	/**
	 * Handle the messages of an existing durable JetStream pull consumer one at a time,
	 * acknowledging each when the {@link Mono} of its handler completes and negatively
	 * acknowledging it (for redelivery, up to the consumer's max deliveries) when that
	 * {@code Mono} fails. A failure is logged and does not end the {@code Flux}.
	 * @param <T> the payload type
	 * @param <R> the result type
	 * @param stream the stream
	 * @param consumer the durable consumer of the stream
	 * @param type the type to read payloads as
	 * @param handler handles a payload
	 * @return a {@link Flux} of the handlers' results
	 * @see #receive(String, String, Class)
	 */
	<T, R> Flux<R> consume(String stream, String consumer, Class<T> type, Function<? super T, ? extends Mono<R>> handler);

	/**
	 * Return the reactive operations of a key-value bucket.
	 * @param bucket the bucket
	 * @return the operations
	 */
	ReactiveKeyValueOperations keyValue(String bucket);

}
