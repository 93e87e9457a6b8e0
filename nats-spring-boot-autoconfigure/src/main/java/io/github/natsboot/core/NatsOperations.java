package io.github.natsboot.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.natsboot.kv.KeyValueOperations;
import io.github.natsboot.objectstore.ObjectStoreOperations;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;

/**
 * The operations of {@link NatsTemplate}: core publish and request/reply, and JetStream
 * publish. Payloads are converted by type: {@code byte[]} as is, {@code String} as
 * UTF-8, anything else as JSON; a {@value NatsHeaders#CONTENT_TYPE} header says which.
 * Replies are read back into the requested type; asking for
 * {@link io.nats.client.Message} returns the raw reply.
 */
public interface NatsOperations {

	/**
	 * Publish a message.
	 * @param subject the subject, without wildcards
	 * @param payload the payload, {@code null} for an empty message
	 */
	void publish(String subject, Object payload);

	/**
	 * Publish a message with headers.
	 * @param subject the subject, without wildcards
	 * @param payload the payload, {@code null} for an empty message
	 * @param headers the headers, not modified (a copy gets the content type)
	 */
	void publish(String subject, Object payload, Headers headers);

	/**
	 * Send a request and wait for the reply within the default request timeout.
	 * @param <T> the reply type
	 * @param subject the subject
	 * @param payload the request payload
	 * @param replyType the type to read the reply as
	 * @return the reply
	 * @throws NatsNoRespondersException if nobody listens on the subject
	 * @throws NatsRequestTimeoutException if no reply arrives in time
	 * @throws NatsServiceErrorException if the responder answers with an error
	 */
	<T> T request(String subject, Object payload, Class<T> replyType);

	/**
	 * Send a request and wait for the reply.
	 * @param <T> the reply type
	 * @param subject the subject
	 * @param payload the request payload
	 * @param replyType the type to read the reply as
	 * @param timeout how long to wait for the reply
	 * @return the reply
	 * @see #request(String, Object, Class)
	 */
	<T> T request(String subject, Object payload, Class<T> replyType, Duration timeout);

	/**
	 * Send a request with headers and wait for the reply.
	 * @param <T> the reply type
	 * @param subject the subject
	 * @param payload the request payload
	 * @param headers the request headers
	 * @param replyType the type to read the reply as
	 * @param timeout how long to wait for the reply
	 * @return the reply
	 * @see #request(String, Object, Class)
	 */
	<T> T request(String subject, Object payload, Headers headers, Class<T> replyType, Duration timeout);

	/**
	 * Send a request without blocking; the future completes with the reply or with one of
	 * the exceptions {@link #request(String, Object, Class)} throws.
	 * @param <T> the reply type
	 * @param subject the subject
	 * @param payload the request payload
	 * @param replyType the type to read the reply as
	 * @return the future reply
	 */
	<T> CompletableFuture<T> requestAsync(String subject, Object payload, Class<T> replyType);

	/**
	 * Send a request with headers without blocking.
	 * @param <T> the reply type
	 * @param subject the subject
	 * @param payload the request payload
	 * @param headers the request headers, may be {@code null}
	 * @param replyType the type to read the reply as
	 * @param timeout how long to wait for the reply
	 * @return the future reply
	 * @see #requestAsync(String, Object, Class)
	 */
	<T> CompletableFuture<T> requestAsync(String subject, Object payload, Headers headers, Class<T> replyType,
			Duration timeout);

	/**
	 * Publish to a JetStream stream and wait for the stream's acknowledgement.
	 * @param subject a subject the stream captures
	 * @param payload the payload
	 * @return the acknowledgement: stream, sequence, and whether it was a duplicate
	 * @throws NatsNoStreamException if no stream captures the subject
	 * @throws NatsJetStreamApiException if the stream rejects the message
	 */
	PublishAck publishToStream(String subject, Object payload);

	/**
	 * Publish to a JetStream stream with headers and options and wait for the
	 * acknowledgement.
	 * @param subject a subject the stream captures
	 * @param payload the payload
	 * @param headers the headers, may be {@code null}
	 * @param options message id ({@value NatsHeaders#MESSAGE_ID}, de-duplicated within the
	 * stream's duplicate window), expected stream, expected last sequence, expected last
	 * subject sequence; may be {@code null}
	 * @return the acknowledgement
	 * @see #publishToStream(String, Object)
	 */
	PublishAck publishToStream(String subject, Object payload, Headers headers, PublishOptions options);

	/**
	 * Publish to a JetStream stream without waiting for the acknowledgement. At most
	 * {@code nats.template.jetstream.max-in-flight} publishes await their acknowledgement
	 * at once: past that, this method blocks until one completes.
	 * @param subject a subject the stream captures
	 * @param payload the payload
	 * @return the future acknowledgement
	 */
	CompletableFuture<PublishAck> publishToStreamAsync(String subject, Object payload);

	/**
	 * Publish to a JetStream stream with headers and options without waiting for the
	 * acknowledgement.
	 * @param subject a subject the stream captures
	 * @param payload the payload
	 * @param headers the headers, may be {@code null}
	 * @param options the publish options, may be {@code null}
	 * @return the future acknowledgement
	 * @see #publishToStreamAsync(String, Object)
	 */
	CompletableFuture<PublishAck> publishToStreamAsync(String subject, Object payload, Headers headers,
			PublishOptions options);

	/**
	 * Key-Value operations on a bucket, converting values like message payloads.
	 * @param bucket the bucket name
	 * @return the operations for that bucket
	 */
	KeyValueOperations keyValue(String bucket);

	/**
	 * Object store operations on a bucket: objects of any size streamed in chunks, and
	 * values converted like message payloads.
	 * @param bucket the bucket name
	 * @return the operations for that bucket
	 */
	ObjectStoreOperations objectStore(String bucket);

}
