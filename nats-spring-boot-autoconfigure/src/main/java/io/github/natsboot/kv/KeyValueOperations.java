package io.github.natsboot.kv;

import java.util.List;
import java.util.function.Consumer;

/**
 * Key-value operations on one NATS JetStream key-value bucket, with values converted to
 * and from Java objects ({@code byte[]} as is, {@code String} as UTF-8 text, anything
 * else as JSON with the default conversion).
 *
 * <p>Keys are validated before anything is sent: a key is one or more tokens separated by
 * {@code .}, made of letters, digits and {@code - / _ =}; it must not be empty, nor start
 * or end with {@code .}. Key patterns ({@link #keys(String)}, {@link #watch watch}) may
 * also use the wildcards {@code *} (one token) and {@code >} (the rest, last token only).
 * An invalid key or pattern is an {@link IllegalArgumentException} naming it and the
 * bucket.
 *
 * <p>Failures are {@link NatsKeyValueException}s naming the bucket and the key:
 * {@link NatsKeyValueBucketNotFoundException} when the bucket does not exist,
 * {@link NatsKeyValueConflictException} when a conditional write is rejected and
 * {@link NatsKeyNotFoundException} when an operation needs a key that is absent. Values
 * that cannot be converted are a
 * {@link org.springframework.messaging.converter.MessageConversionException}.
 */
public interface KeyValueOperations {

	/**
	 * Return the name of the bucket these operations work on.
	 * @return the bucket name
	 */
	String getBucket();

	/**
	 * Read the current value of a key.
	 * @param <T> the value type
	 * @param key the key
	 * @param type the type to read the value as
	 * @return the value with its revision, or {@code null} if the key is absent, deleted,
	 * purged or expired
	 */
	<T> VersionedValue<T> get(String key, Class<T> type);

	/**
	 * Write a value whatever the key holds.
	 * @param key the key
	 * @param value the value, not {@code null} (use {@link #delete(String)})
	 * @return the revision of the new value
	 */
	long put(String key, Object value);

	/**
	 * Write a value only if the key does not exist. A key that was deleted or purged does
	 * not exist: creating it again succeeds.
	 * @param key the key
	 * @param value the value, not {@code null}
	 * @return the revision of the new value
	 * @throws NatsKeyValueConflictException if the key exists
	 */
	long create(String key, Object value);

	/**
	 * Write a value only if the latest revision of the key is the expected one: an
	 * optimistic compare-and-set.
	 * @param key the key
	 * @param value the value, not {@code null}
	 * @param expectedRevision the revision the caller read, typically
	 * {@link VersionedValue#revision()}
	 * @return the revision of the new value
	 * @throws NatsKeyValueConflictException if the key was written, deleted or purged since
	 * that revision
	 */
	long update(String key, Object value, long expectedRevision);

	/**
	 * Delete a key, keeping its history: a delete marker becomes its latest entry. Deleting
	 * an absent key is not an error.
	 * @param key the key
	 */
	void delete(String key);

	/**
	 * Delete a key together with its history: only a purge marker remains.
	 * @param key the key
	 */
	void purge(String key);

	/**
	 * List the keys that currently have a value.
	 * @return the keys, in no particular order
	 */
	List<String> keys();

	/**
	 * List the keys that currently have a value and match a pattern.
	 * @param filter a key or a pattern with {@code *} and {@code >} wildcards, for example
	 * {@code orders.*}
	 * @return the matching keys, in no particular order
	 */
	List<String> keys(String filter);

	/**
	 * Watch the keys that match a pattern, from now on: only changes made after this
	 * method returns are delivered, not the current values nor the history. Equivalent to
	 * {@link #watch(String, Class, KeyValueWatchStart, Consumer) watch(pattern, type,
	 * KeyValueWatchStart.UPDATES_ONLY, callback)}.
	 * @param <T> the value type
	 * @param pattern a key or a pattern with {@code *} and {@code >} wildcards ({@code >}
	 * watches the whole bucket)
	 * @param type the type to read values as
	 * @param callback called for each change
	 * @return the watch, to close when done
	 */
	<T> KeyValueWatch watch(String pattern, Class<T> type, Consumer<KeyValueChange<T>> callback);

	/**
	 * Watch the keys that match a pattern. Changes are delivered in revision order, one at
	 * a time, on a thread of the watch's own: a slow callback delays only this watch. An
	 * exception thrown by the callback, or a value that cannot be converted, is logged
	 * (logger {@code io.github.natsboot.kv.KeyValueWatch}) and the watch carries on with the
	 * next change.
	 * @param <T> the value type
	 * @param pattern a key or a pattern with {@code *} and {@code >} wildcards
	 * @param type the type to read values as
	 * @param start where the watch starts: only new changes, the current values first, or
	 * the whole history first
	 * @param callback called for each change
	 * @return the watch, to close when done
	 */
	<T> KeyValueWatch watch(String pattern, Class<T> type, KeyValueWatchStart start,
			Consumer<KeyValueChange<T>> callback);

	/**
	 * Rewrite the current value of a key unchanged, so that its age restarts and it
	 * outlives the bucket's time to live (max age) for another period. The exact bytes
	 * stored are written back with {@link #update(String, Object, long)} on the revision
	 * just read, so a concurrent write is never overwritten.
	 * @param key the key
	 * @return the new revision
	 * @throws NatsKeyNotFoundException if the key is absent, deleted, purged or expired
	 * @throws NatsKeyValueConflictException if the key changed between the read and the
	 * rewrite
	 */
	long refresh(String key);

}
