package io.github.natsboot.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.natsboot.aot.NatsListenerReflectiveProcessor;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method as the listener of one or more NATS subjects. Attributes accept
 * {@code ${...}} placeholders and {@code #{...}} expressions.
 * <p>
 * Parameters receive the payload converted to their type ({@code byte[]} as is,
 * {@code String} as UTF-8, other types from JSON), headers through
 * {@link org.springframework.messaging.handler.annotation.Header @Header} and
 * {@link org.springframework.messaging.handler.annotation.Headers @Headers}, the
 * subject through {@code @Header(NatsHeaders.RECEIVED_SUBJECT)}, the raw
 * {@link io.nats.client.Message}, or a spring-messaging
 * {@link org.springframework.messaging.Message}. A {@code @Valid} payload is validated
 * when a validator is available.
 * <p>
 * When the message has a reply subject, the return value is sent as the reply; when the
 * method throws, the requester is answered with the {@code Nats-Service-Error} and
 * {@code Nats-Service-Error-Code} headers, and the error goes to the listener's
 * {@link NatsListenerErrorHandler}.
 * <p>
 * For native images, the method is registered for invocation and its payload and return
 * types for JSON binding during AOT processing.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(NatsListenerReflectiveProcessor.class)
public @interface NatsListener {

	/**
	 * Unique id of the listener container, used to start, stop, pause and resume it
	 * through the {@link NatsListenerEndpointRegistry}. Defaults to
	 * {@code <bean name>.<method name>}.
	 * @return the id
	 */
	String id() default "";

	/**
	 * Subjects to listen on; wildcards ({@code orders.*}, {@code orders.>}) are allowed.
	 * For a JetStream listener with a {@link #consumer()}, leave empty (the consumer's
	 * filter applies).
	 * @return the subjects
	 */
	String[] subjects() default {};

	/**
	 * Queue group: instances subscribed with the same queue group share the messages,
	 * each message going to one of them.
	 * @return the queue group, empty for none
	 */
	String queue() default "";

	/**
	 * Number of parallel consumers in this application. With {@code 1} messages are
	 * processed one at a time, in order.
	 * @return the concurrency, or a placeholder resolving to it
	 */
	String concurrency() default "1";

	/**
	 * Whether the listener starts with the application context.
	 * @return {@code "true"}, {@code "false"} or a placeholder resolving to either
	 */
	String autoStartup() default "true";

	/**
	 * Name of a {@link NatsListenerErrorHandler} bean for this listener, instead of the
	 * default one.
	 * @return the bean name, empty for the default
	 */
	String errorHandler() default "";

	/**
	 * Name of the connection to listen on: one configured under
	 * {@code nats.connections.<name>}. Replies, acknowledgements and dead letters go out on
	 * the same connection. Supports property placeholders.
	 * @return the connection's name, empty for the default connection
	 */
	String connection() default "";

	/**
	 * JetStream stream to consume from. Setting it makes this a JetStream listener that
	 * consumes a durable pull consumer: messages are acknowledged after the method
	 * returns, negatively acknowledged with a backoff when it throws, and dead-lettered
	 * after the consumer's max deliveries; with {@link #ordered()}, every instance
	 * receives every message through an ordered consumer instead.
	 * @return the stream name, empty for a core NATS listener
	 */
	String stream() default "";

	/**
	 * Durable consumer of the {@link #stream()} to consume through; it must exist
	 * (provisioned from {@code nats.jetstream.streams.*.consumers} or otherwise). When
	 * empty, a durable consumer named after the listener id and filtered on
	 * {@link #subjects()} is created if missing.
	 * @return the durable consumer name
	 */
	String consumer() default "";

	/**
	 * Delays before redelivering a message whose handler threw, by delivery attempt (the
	 * last one repeats), such as {@code {"1s", "5s", "30s"}}. Defaults to the consumer's
	 * own backoff, else {@code nats.listener.jetstream.backoff}.
	 * @return the backoff durations
	 */
	String[] backoff() default {};

	/**
	 * Subject that messages go to when they cannot be processed (after max deliveries,
	 * or at once when not convertible). {@code {stream}} and {@code {consumer}} are
	 * replaced. Defaults to {@code nats.listener.jetstream.dead-letter-subject}.
	 * @return the dead-letter subject
	 */
	String deadLetterSubject() default "";

	/**
	 * What a JetStream listener does with a message whose payload cannot be converted or
	 * validated: dead-letter it at once (the default), terminate it, or retry it like any
	 * failure.
	 * @return the action
	 */
	UnreadablePayloadAction unreadablePayload() default UnreadablePayloadAction.DEAD_LETTER;

	/**
	 * Whether this JetStream listener is ordered (a broadcast listener): every instance of
	 * the application receives every message of the {@link #stream()} (of its
	 * {@link #subjects()}, or the whole stream when empty), in stream order, one at a
	 * time, through an ordered consumer of its own that is neither durable nor
	 * acknowledged. It recovers from gaps, reconnects and server restarts by itself,
	 * resuming after the last message it handled. A listener that throws does not get
	 * the message again: the error goes to the error handler, and the listener moves on.
	 * Cannot be combined with {@link #consumer()}, {@link #queue()}, {@link #backoff()},
	 * {@link #deadLetterSubject()}, {@link #unreadablePayload()}, a concurrency above 1
	 * or a {@link NatsAcknowledgment} parameter.
	 * @return {@code "true"}, {@code "false"} or a placeholder resolving to either
	 */
	String ordered() default "false";

	/**
	 * Where the ordered consumer of an {@link #ordered()} listener starts each time the
	 * listener starts: {@code all} (the default: every message in the stream),
	 * {@code new} (messages published from now on), {@code last} (the last message, then
	 * new ones), {@code last-per-subject} (the last message of each subject, then new
	 * ones), a start sequence ({@code 42} or {@code sequence:42}) or an ISO-8601 start
	 * time with an offset ({@code 2026-01-01T00:00:00Z} or
	 * {@code time:2026-01-01T00:00:00Z}). Supports property placeholders.
	 * @return the deliver option, empty for {@code all}
	 */
	String deliver() default "";

	/**
	 * Whether this JetStream listener receives its messages in batches: its method takes a
	 * {@code List<T>} of payloads, a {@code List<Message<T>>} of spring-messaging
	 * messages or a {@code List<io.nats.client.Message>}, and optionally a
	 * {@link NatsBatchAcknowledgment}. The messages are acknowledged when it returns, and
	 * handled as failed when it throws (see {@link NatsBatchListenerFailedException} to
	 * name the one that failed). Needs a {@link #stream()}.
	 * @return {@code "true"}, {@code "false"} or a placeholder resolving to either
	 */
	String batch() default "false";

	/**
	 * The most messages a batch listener receives at once.
	 * @return the batch size, or a placeholder resolving to it
	 */
	String maxBatch() default "100";

	/**
	 * How long a batch listener waits for more messages to fill a batch once its first
	 * message is there, such as {@code 100ms}; {@code 0} takes what has arrived. Keep it
	 * well below the consumer's ack wait.
	 * @return the duration, or a placeholder resolving to it
	 */
	String maxWait() default "100ms";

}
