package io.github.natsboot.kv;

import java.io.IOException;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.support.NatsKeyValueUtil;

/**
 * The jnats {@link KeyValue} of one bucket, looked up on first use and kept until the
 * bucket turns out to have been deleted. A failed lookup is not remembered.
 */
final class KeyValueBucket {

	private final Connection connection;

	private final String name;

	private volatile KeyValue keyValue;

	KeyValueBucket(Connection connection, String name) {
		this.connection = connection;
		this.name = name;
	}

	/**
	 * Return the bucket's {@code KeyValue}, looking the bucket up if needed.
	 * @throws IOException if the lookup failed; when the bucket does not exist, its cause
	 * is a {@link JetStreamApiException} "stream not found"
	 */
	KeyValue keyValue() throws IOException {
		KeyValue current = this.keyValue;
		if (current == null) {
			synchronized (this) {
				current = this.keyValue;
				if (current == null) {
					current = this.connection.keyValue(this.name);
					this.keyValue = current;
				}
			}
		}
		return current;
	}

	/**
	 * Ask the server whether the bucket is gone, after an operation failed without saying
	 * why (a direct get to a deleted bucket times out, a write gets no responders). When
	 * it is, the next operation looks it up again.
	 * @return {@code true} if the server says the bucket's stream does not exist;
	 * {@code false} if it exists or the question could not be answered (not connected,
	 * interrupted)
	 */
	boolean isGone() {
		if (this.connection.getStatus() != Connection.Status.CONNECTED || Thread.currentThread().isInterrupted()) {
			return false;
		}
		try {
			this.connection.jetStreamManagement().getStreamInfo(NatsKeyValueUtil.toStreamName(this.name));
			return false;
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			if (KeyValueExceptionTranslator.isBucketNotFound(ex)) {
				this.keyValue = null;
				return true;
			}
			return false;
		}
	}

}
