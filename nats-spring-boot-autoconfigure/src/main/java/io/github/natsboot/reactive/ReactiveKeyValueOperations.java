package io.github.natsboot.reactive;

import io.github.natsboot.kv.KeyValueChange;
import io.github.natsboot.kv.KeyValueWatchStart;
import io.github.natsboot.kv.VersionedValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive operations on one key-value bucket: those of
 * {@link io.github.natsboot.kv.KeyValueOperations}, with the same key validation,
 * conversion and exceptions, run on
 * {@link reactor.core.scheduler.Schedulers#boundedElastic()} because jnats's key-value
 * API blocks.
 */
public interface ReactiveKeyValueOperations {

	/**
	 * Return the name of the bucket.
	 * @return the bucket
	 */
	String getBucket();

	/**
	 * Read the current value of a key.
	 * @param <T> the value type
	 * @param key the key
	 * @param type the type to read the value as
	 * @return the value with its revision, empty when the key is absent, deleted, purged
	 * or expired
	 */
	<T> Mono<VersionedValue<T>> get(String key, Class<T> type);

	/**
	 * Write a value whatever the key holds.
	 * @param key the key
	 * @param value the value
	 * @return the revision of the new value
	 */
	Mono<Long> put(String key, Object value);

	/**
	 * Write a value only if the key does not exist.
	 * @param key the key
	 * @param value the value
	 * @return the revision of the new value, or a
	 * {@link io.github.natsboot.kv.NatsKeyValueConflictException} when the key exists
	 */
	Mono<Long> create(String key, Object value);

	/**
	 * Write a value only if the latest revision of the key is the expected one.
	 * @param key the key
	 * @param value the value
	 * @param expectedRevision the revision the caller read
	 * @return the revision of the new value, or a
	 * {@link io.github.natsboot.kv.NatsKeyValueConflictException} when the key changed
	 */
	Mono<Long> update(String key, Object value, long expectedRevision);

	/**
	 * Delete a key, keeping its history.
	 * @param key the key
	 * @return a {@link Mono} that completes once the key is deleted
	 */
	Mono<Void> delete(String key);

	/**
	 * Watch the keys that match a pattern from now on.
	 * @param <T> the value type
	 * @param pattern a key or a pattern with {@code *} and {@code >} wildcards
	 * @param type the type to read values as
	 * @return the changes, in revision order
	 * @see #watch(String, Class, KeyValueWatchStart)
	 */
	<T> Flux<KeyValueChange<T>> watch(String pattern, Class<T> type);

	/**
	 * Watch the keys that match a pattern. Changes are delivered on the watch's own
	 * thread, only as many as requested: the others wait in the watch's bounded
	 * subscription. The watch is closed when the {@link Flux} is cancelled.
	 * @param <T> the value type
	 * @param pattern a key or a pattern with {@code *} and {@code >} wildcards
	 * @param type the type to read values as
	 * @param start where the watch starts
	 * @return the changes, in revision order
	 */
	<T> Flux<KeyValueChange<T>> watch(String pattern, Class<T> type, KeyValueWatchStart start);

}
