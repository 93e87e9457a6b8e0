package io.github.natsboot.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
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
	 * @return the subjects
	 */
	String[] subjects();

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

}
