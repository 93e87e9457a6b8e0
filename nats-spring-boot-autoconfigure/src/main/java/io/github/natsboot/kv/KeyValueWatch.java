package io.github.natsboot.kv;

/**
 * A running {@linkplain KeyValueOperations#watch watch} of keys. Closing it stops the
 * watch: once {@link #close()} returns, no further change is handed to the callback, not
 * even one already received (a change being handled at that moment may finish).
 */
public interface KeyValueWatch extends AutoCloseable {

	/**
	 * Return the bucket being watched.
	 * @return the bucket name
	 */
	String getBucket();

	/**
	 * Return the watched key pattern.
	 * @return the key or pattern
	 */
	String getPattern();

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
