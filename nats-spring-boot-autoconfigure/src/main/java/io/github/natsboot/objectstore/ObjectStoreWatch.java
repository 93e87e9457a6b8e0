package io.github.natsboot.objectstore;

/**
 * A running {@linkplain ObjectStoreOperations#watch watch} of an object store. Closing
 * it stops the watch: once {@link #close()} returns, no further change is handed to the
 * callback (a change being handled at that moment may finish).
 */
public interface ObjectStoreWatch extends AutoCloseable {

	/**
	 * Return the bucket being watched.
	 * @return the bucket name
	 */
	String getBucket();

	/**
	 * Return whether the watch has been closed.
	 * @return {@code true} after {@link #close()}
	 */
	boolean isClosed();

	/**
	 * Stop the watch. Does nothing when it is already closed.
	 */
	@Override
	void close();

}
