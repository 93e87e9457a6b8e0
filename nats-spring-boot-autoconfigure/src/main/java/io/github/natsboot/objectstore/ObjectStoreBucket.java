package io.github.natsboot.objectstore;

import java.io.IOException;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.ObjectStore;
import io.nats.client.support.NatsObjectStoreUtil;

/**
 * The jnats {@link ObjectStore} of one bucket, created on first use and kept. jnats does
 * not check that the bucket exists when it is created: operations on a missing bucket
 * fail with "stream not found", or, once the bucket has been deleted, time out, which
 * {@link #isGone()} tells apart.
 */
final class ObjectStoreBucket {

	private final Connection connection;

	private final String name;

	private volatile ObjectStore objectStore;

	ObjectStoreBucket(Connection connection, String name) {
		this.connection = connection;
		this.name = name;
	}

	/**
	 * Return the bucket's {@code ObjectStore}.
	 * @throws IOException if the JetStream context cannot be created
	 */
	ObjectStore objectStore() throws IOException {
		ObjectStore current = this.objectStore;
		if (current == null) {
			synchronized (this) {
				current = this.objectStore;
				if (current == null) {
					current = this.connection.objectStore(this.name);
					this.objectStore = current;
				}
			}
		}
		return current;
	}

	/**
	 * Ask the server whether the bucket is missing, after an operation failed without
	 * saying why (a write to a deleted bucket gets no answer).
	 * @return {@code true} if the server says the bucket's stream does not exist;
	 * {@code false} if it exists or the question could not be answered (not connected,
	 * interrupted)
	 */
	boolean isGone() {
		if (this.connection.getStatus() != Connection.Status.CONNECTED || Thread.currentThread().isInterrupted()) {
			return false;
		}
		try {
			this.connection.jetStreamManagement().getStreamInfo(NatsObjectStoreUtil.toStreamName(this.name));
			return false;
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			return ObjectStoreExceptionTranslator.isBucketNotFound(ex);
		}
	}

}
