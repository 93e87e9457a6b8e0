package io.github.natsboot.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.natsboot.aot.NatsListenerReflectiveProcessor;
import io.github.natsboot.kv.KeyValueWatchStart;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method as the listener of the changes of keys in a key-value bucket: it is
 * invoked once for each change of a matching key, one change at a time, in revision
 * order. String attributes accept {@code ${...}} placeholders and {@code #{...}}
 * expressions.
 * <p>
 * Parameters receive the whole change as a
 * {@link io.github.natsboot.kv.KeyValueChange KeyValueChange&lt;T&gt;} (its value
 * converted to {@code T}, {@code null} for a delete or purge), or the value converted to
 * the parameter's type (as {@link NatsListener} payloads are: {@code byte[]} as is,
 * {@code String} as UTF-8, other types from JSON) with the key, revision, operation and
 * bucket through
 * {@link org.springframework.messaging.handler.annotation.Header @Header} and the names
 * in {@link io.github.natsboot.kv.KeyValueHeaders}. While deletes are included, a value
 * parameter must be {@code @Payload(required = false)}: a delete has no value.
 * <p>
 * The listener runs in a container of the {@link NatsListenerEndpointRegistry} (started,
 * stopped, paused and resumed by id, reported by health, timed by the listener metrics).
 * It remembers the revision of the last change it handled: after a pause, a reconnect or a
 * server restart it continues from the next revision, so that no change is missed and none
 * is handled twice. A change whose method throws goes to the error handler and is not
 * retried; the listener goes on with the next change.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(NatsListenerReflectiveProcessor.class)
public @interface NatsKeyValueListener {

	/**
	 * Unique id of the listener container, used to start, stop, pause and resume it
	 * through the {@link NatsListenerEndpointRegistry}. Defaults to
	 * {@code <bean name>.<method name>}.
	 * @return the id
	 */
	String id() default "";

	/**
	 * The bucket to watch; it must exist when the listener starts (declare it under
	 * {@code nats.jetstream.key-value.<bucket>} to have it provisioned first).
	 * @return the bucket name
	 */
	String bucket();

	/**
	 * Keys to watch; wildcards are allowed ({@code app.*} matches one token,
	 * {@code app.>} the rest of the key). Defaults to every key of the bucket.
	 * @return the keys or key patterns
	 */
	String[] keys() default ">";

	/**
	 * Where the listener starts each time it is started: with the changes made from then
	 * on (the default), with the current value of every matching key and then the
	 * changes, or with all the history the bucket keeps and then the changes. Pausing and
	 * resuming, reconnects and server restarts continue from the last change handled
	 * instead.
	 * @return the start
	 */
	KeyValueWatchStart start() default KeyValueWatchStart.UPDATES_ONLY;

	/**
	 * Whether deletes and purges reach the method (with no value, and the operation
	 * {@code DELETE} or {@code PURGE}).
	 * @return {@code "true"}, {@code "false"} or a placeholder resolving to either
	 */
	String includeDeletes() default "true";

	/**
	 * Whether the listener starts with the application context.
	 * @return {@code "true"}, {@code "false"} or a placeholder resolving to either
	 */
	String autoStartup() default "true";

	/**
	 * Name of a {@link NatsListenerErrorHandler} bean for this listener, instead of the
	 * default one, which logs the failure.
	 * @return the bean name, empty for the default
	 */
	String errorHandler() default "";

	/**
	 * Name of the connection to watch on: one configured under
	 * {@code nats.connections.<name>}, whose bucket it then is. Supports property
	 * placeholders.
	 * @return the connection's name, empty for the default connection
	 */
	String connection() default "";

}
