package io.github.natsboot.kv;

/**
 * Where a {@linkplain KeyValueOperations#watch watch} starts.
 */
public enum KeyValueWatchStart {

	/**
	 * Only changes made after the watch has started; the default.
	 */
	UPDATES_ONLY,

	/**
	 * First the latest entry of every matching key, then the changes. A key whose latest
	 * entry is a delete or purge marker is delivered as a {@code DELETE} or {@code PURGE}
	 * change.
	 */
	CURRENT_VALUES,

	/**
	 * Every entry the bucket still holds for the matching keys (as many revisions per key
	 * as the bucket's history keeps), oldest first, then the changes.
	 */
	HISTORY

}
