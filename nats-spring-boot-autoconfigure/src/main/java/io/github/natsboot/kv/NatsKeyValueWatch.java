package io.github.natsboot.kv;

import java.util.function.Consumer;

import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link KeyValueWatch} on top of a jnats watch subscription: converts each entry to a
 * {@link KeyValueChange} and hands it to the callback, logging whatever the conversion
 * or the callback throws so that the subscription keeps running.
 *
 * @param <T> the value type
 */
final class NatsKeyValueWatch<T> implements KeyValueWatch, KeyValueWatcher {

	private static final Log logger = LogFactory.getLog(KeyValueWatch.class);

	private final String bucket;

	private final String pattern;

	private final Class<T> type;

	private final KeyValueCodec codec;

	private final Consumer<KeyValueChange<T>> callback;

	private volatile NatsKeyValueWatchSubscription subscription;

	private volatile boolean closed;

	NatsKeyValueWatch(String bucket, String pattern, Class<T> type, KeyValueCodec codec,
			Consumer<KeyValueChange<T>> callback) {
		this.bucket = bucket;
		this.pattern = pattern;
		this.type = type;
		this.codec = codec;
		this.callback = callback;
	}

	void attach(NatsKeyValueWatchSubscription subscription) {
		this.subscription = subscription;
	}

	@Override
	public void watch(KeyValueEntry entry) {
		if (this.closed) {
			return;
		}
		try {
			this.callback.accept(toChange(entry));
		}
		catch (Throwable ex) {
			logger.error("Key-value watch of '" + this.pattern + "' in bucket '" + this.bucket
					+ "' failed to handle the change of key '" + entry.getKey() + "' at revision " + entry.getRevision(),
					ex);
		}
	}

	@Override
	public void endOfData() {
	}

	@Override
	public String getBucket() {
		return this.bucket;
	}

	@Override
	public String getPattern() {
		return this.pattern;
	}

	@Override
	public boolean isClosed() {
		return this.closed;
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		NatsKeyValueWatchSubscription current = this.subscription;
		if (current != null) {
			try {
				current.unsubscribe();
			}
			catch (IllegalStateException ex) {
				logger.debug("Key-value watch of '" + this.pattern + "' in bucket '" + this.bucket
						+ "' was already stopped by its connection", ex);
			}
		}
	}

	@Override
	public String toString() {
		return "KeyValueWatch[bucket=" + this.bucket + ", pattern=" + this.pattern + ", closed=" + this.closed + "]";
	}

	private KeyValueChange<T> toChange(KeyValueEntry entry) {
		KeyValueChange.Operation operation = operation(entry.getOperation());
		T value = (operation != KeyValueChange.Operation.PUT) ? null
				: this.codec.read(entry.getKey(), entry.getRevision(), entry.getValue(), this.type);
		return new KeyValueChange<>(entry.getKey(), value, entry.getRevision(), operation,
				entry.getCreated().toInstant());
	}

	private static KeyValueChange.Operation operation(KeyValueOperation operation) {
		return switch (operation) {
			case PUT -> KeyValueChange.Operation.PUT;
			case DELETE -> KeyValueChange.Operation.DELETE;
			case PURGE -> KeyValueChange.Operation.PURGE;
		};
	}

}
