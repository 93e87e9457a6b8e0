package io.github.natsboot.kv;

import java.time.Instant;

/**
 * One change of a key seen by a {@linkplain KeyValueOperations#watch watch}.
 *
 * @param <T> the value type
 * @param key the key that changed
 * @param value the new value, {@code null} for a {@link Operation#DELETE DELETE} or
 * {@link Operation#PURGE PURGE}
 * @param revision the revision of the change
 * @param operation what happened to the key
 * @param created when the change was written, by the server's clock
 */
public record KeyValueChange<T>(String key, T value, long revision, Operation operation, Instant created) {

	/**
	 * What a change did to its key.
	 */
	public enum Operation {

		/**
		 * The key was written.
		 */
		PUT,

		/**
		 * The key was deleted; its history is kept.
		 */
		DELETE,

		/**
		 * The key was purged: deleted together with its history.
		 */
		PURGE

	}

}
