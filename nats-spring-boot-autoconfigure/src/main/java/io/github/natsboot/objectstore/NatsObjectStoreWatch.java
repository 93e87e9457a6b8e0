package io.github.natsboot.objectstore;

import java.util.function.Consumer;

import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectStoreWatcher;
import io.nats.client.impl.NatsObjectStoreWatchSubscription;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * An {@link ObjectStoreWatch} on top of a jnats watch subscription: turns each object
 * info into an {@link ObjectChange} and hands it to the callback, logging whatever the
 * callback throws so that the subscription keeps running.
 */
final class NatsObjectStoreWatch implements ObjectStoreWatch, ObjectStoreWatcher {

	private static final Log logger = LogFactory.getLog(ObjectStoreWatch.class);

	private final String bucket;

	private final Consumer<ObjectChange> callback;

	private volatile NatsObjectStoreWatchSubscription subscription;

	private volatile boolean closed;

	NatsObjectStoreWatch(String bucket, Consumer<ObjectChange> callback) {
		this.bucket = bucket;
		this.callback = callback;
	}

	void attach(NatsObjectStoreWatchSubscription subscription) {
		this.subscription = subscription;
	}

	@Override
	public void watch(ObjectInfo info) {
		if (this.closed) {
			return;
		}
		try {
			ObjectChange.Operation operation = info.isDeleted() ? ObjectChange.Operation.DELETE
					: ObjectChange.Operation.PUT;
			this.callback.accept(new ObjectChange(operation, StoredObjects.of(info)));
		}
		catch (Throwable ex) {
			logger.error("Watch of object store '" + this.bucket + "' failed to handle the change of object '"
					+ info.getObjectName() + "'", ex);
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
	public boolean isClosed() {
		return this.closed;
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		NatsObjectStoreWatchSubscription current = this.subscription;
		if (current != null) {
			try {
				current.unsubscribe();
			}
			catch (IllegalStateException ex) {
				logger.debug("Watch of object store '" + this.bucket + "' was already stopped by its connection", ex);
			}
		}
	}

	@Override
	public String toString() {
		return "ObjectStoreWatch[bucket=" + this.bucket + ", closed=" + this.closed + "]";
	}

}
