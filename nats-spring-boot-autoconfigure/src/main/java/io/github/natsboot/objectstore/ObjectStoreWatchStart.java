package io.github.natsboot.objectstore;

/**
 * Where a {@linkplain ObjectStoreOperations#watch watch} of an object store starts.
 */
public enum ObjectStoreWatchStart {

	/**
	 * Only changes made after the watch has started; the default.
	 */
	UPDATES_ONLY,

	/**
	 * First the latest state of every object (a deleted object as a {@code DELETE}
	 * change), then the changes.
	 */
	CURRENT_OBJECTS,

	/**
	 * Every change the bucket still holds, oldest first, then the changes.
	 */
	HISTORY

}
