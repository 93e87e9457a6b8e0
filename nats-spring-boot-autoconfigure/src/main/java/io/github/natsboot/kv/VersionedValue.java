package io.github.natsboot.kv;

import java.time.Instant;

/**
 * The current value of a key together with its revision, as read by
 * {@link KeyValueOperations#get(String, Class)}. Pass the revision to
 * {@link KeyValueOperations#update(String, Object, long)} to write only if nobody else
 * wrote the key in between.
 *
 * @param <T> the value type
 * @param key the key
 * @param value the value
 * @param revision the revision: the sequence of the entry in the bucket's stream,
 * unique and increasing across all keys of the bucket
 * @param created when this revision was written, by the server's clock
 */
public record VersionedValue<T>(String key, T value, long revision, Instant created) {

}
