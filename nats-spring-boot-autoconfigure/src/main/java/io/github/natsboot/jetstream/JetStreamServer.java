package io.github.natsboot.jetstream;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Reason;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.ObjectStoreOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;

/**
 * The JetStream management API of a connection: looks streams, consumers, key-value
 * buckets and object stores up
 * ({@code null} when they do not exist) and creates or updates them. A server that
 * cannot be reached, or has no JetStream, fails with
 * {@link Reason#UNAVAILABLE}; rejections are left to the caller as
 * {@link JetStreamApiException}s.
 */
final class JetStreamServer {

	private final Connection connection;

	private final JetStreamOptions options;

	private volatile JetStreamManagement management;

	private volatile KeyValueManagement keyValueManagement;

	private volatile ObjectStoreManagement objectStoreManagement;

	JetStreamServer(Connection connection, JetStreamOptions options) {
		this.connection = connection;
		this.options = options;
	}

	/**
	 * Return what the connected server can do.
	 * @param path the definition path to name in the failure
	 * @return the server's capabilities
	 * @throws JetStreamProvisioningException when not connected or without JetStream
	 */
	ServerCapabilities capabilities(String path) {
		if (this.connection.getStatus() != Connection.Status.CONNECTED) {
			throw unavailable(path, "the connection to NATS is " + this.connection.getStatus(), null);
		}
		ServerCapabilities capabilities = ServerCapabilities.of(this.connection.getServerInfo());
		if (!capabilities.jetStream()) {
			throw unavailable(path, "JetStream is not enabled on the server " + this.connection.getConnectedUrl()
					+ " (nats-server " + capabilities.version() + "); start it with -js or a jetstream block", null);
		}
		return capabilities;
	}

	StreamConfiguration findStream(String name) throws JetStreamApiException {
		try {
			return management().getStreamInfo(name).getConfiguration();
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ServerErrors.STREAM_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
		catch (IOException ex) {
			throw unavailable("streams." + name, "could not look up stream '" + name + "'", ex);
		}
	}

	ConsumerConfiguration findConsumer(String stream, String durable) throws JetStreamApiException {
		try {
			return management().getConsumerInfo(stream, durable).getConsumerConfiguration();
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ServerErrors.CONSUMER_NOT_FOUND
					|| ex.getApiErrorCode() == ServerErrors.STREAM_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
		catch (IOException ex) {
			throw unavailable("streams." + stream + ".consumers." + durable,
					"could not look up consumer '" + durable + "' of stream '" + stream + "'", ex);
		}
	}

	KeyValueStatus findKeyValue(String bucket) throws JetStreamApiException {
		try {
			return keyValueManagement().getStatus(bucket);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ServerErrors.STREAM_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
		catch (IOException ex) {
			throw unavailable("key-value." + bucket, "could not look up key-value bucket '" + bucket + "'", ex);
		}
	}

	StreamConfiguration addStream(StreamConfiguration configuration) throws JetStreamApiException {
		try {
			StreamInfo info = management().addStream(configuration);
			return info.getConfiguration();
		}
		catch (IOException ex) {
			throw unavailable("streams." + configuration.getName(),
					"could not create stream '" + configuration.getName() + "'", ex);
		}
	}

	StreamConfiguration updateStream(StreamConfiguration configuration) throws JetStreamApiException {
		try {
			return management().updateStream(configuration).getConfiguration();
		}
		catch (IOException ex) {
			throw unavailable("streams." + configuration.getName(),
					"could not update stream '" + configuration.getName() + "'", ex);
		}
	}

	ConsumerConfiguration addOrUpdateConsumer(String stream, ConsumerConfiguration configuration)
			throws JetStreamApiException {
		try {
			ConsumerInfo info = management().addOrUpdateConsumer(stream, configuration);
			return info.getConsumerConfiguration();
		}
		catch (IOException ex) {
			throw unavailable("streams." + stream + ".consumers." + configuration.getDurable(),
					"could not create or update consumer '" + configuration.getDurable() + "' of stream '" + stream
							+ "'",
					ex);
		}
	}

	KeyValueStatus createKeyValue(KeyValueConfiguration configuration) throws JetStreamApiException {
		try {
			return keyValueManagement().create(configuration);
		}
		catch (IOException ex) {
			throw unavailable("key-value." + configuration.getBucketName(),
					"could not create key-value bucket '" + configuration.getBucketName() + "'", ex);
		}
	}

	KeyValueStatus updateKeyValue(KeyValueConfiguration configuration) throws JetStreamApiException {
		try {
			return keyValueManagement().update(configuration);
		}
		catch (IOException ex) {
			throw unavailable("key-value." + configuration.getBucketName(),
					"could not update key-value bucket '" + configuration.getBucketName() + "'", ex);
		}
	}

	ObjectStoreStatus findObjectStore(String bucket) throws JetStreamApiException {
		try {
			return objectStoreManagement().getStatus(bucket);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ServerErrors.STREAM_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
		catch (IOException ex) {
			throw unavailable("object-stores." + bucket, "could not look up object store '" + bucket + "'", ex);
		}
	}

	ObjectStoreStatus createObjectStore(ObjectStoreConfiguration configuration) throws JetStreamApiException {
		try {
			return objectStoreManagement().create(configuration);
		}
		catch (IOException ex) {
			throw unavailable("object-stores." + configuration.getBucketName(),
					"could not create object store '" + configuration.getBucketName() + "'", ex);
		}
	}

	/**
	 * Update an object store through its backing stream.
	 * @param bucket the bucket name
	 * @param configuration the backing stream's new configuration
	 * @return the bucket's status after the update
	 */
	ObjectStoreStatus updateObjectStore(String bucket, StreamConfiguration configuration)
			throws JetStreamApiException {
		try {
			return new ObjectStoreStatus(management().updateStream(configuration));
		}
		catch (IOException ex) {
			throw unavailable("object-stores." + bucket, "could not update object store '" + bucket + "'", ex);
		}
	}

	/**
	 * Return the names of the existing streams, other than {@code except}, that capture
	 * one of the subjects.
	 * @param subjects the subjects
	 * @param except the stream to leave out
	 * @return the stream names, empty when they cannot be found
	 */
	Set<String> streamsCapturing(List<String> subjects, String except) {
		Set<String> names = new LinkedHashSet<>();
		for (String subject : subjects) {
			try {
				names.addAll(management().getStreamNames(subject));
			}
			catch (IOException | JetStreamApiException ex) {
				return Set.of();
			}
		}
		names.remove(except);
		return names;
	}

	private JetStreamManagement management() throws IOException {
		JetStreamManagement management = this.management;
		if (management == null) {
			management = this.connection.jetStreamManagement(this.options);
			this.management = management;
		}
		return management;
	}

	private KeyValueManagement keyValueManagement() throws IOException {
		KeyValueManagement keyValueManagement = this.keyValueManagement;
		if (keyValueManagement == null) {
			keyValueManagement = this.connection
				.keyValueManagement(KeyValueOptions.builder().jetStreamOptions(this.options).build());
			this.keyValueManagement = keyValueManagement;
		}
		return keyValueManagement;
	}

	private ObjectStoreManagement objectStoreManagement() throws IOException {
		ObjectStoreManagement objectStoreManagement = this.objectStoreManagement;
		if (objectStoreManagement == null) {
			objectStoreManagement = this.connection
				.objectStoreManagement(ObjectStoreOptions.builder().jetStreamOptions(this.options).build());
			this.objectStoreManagement = objectStoreManagement;
		}
		return objectStoreManagement;
	}

	private static JetStreamProvisioningException unavailable(String path, String reason, IOException cause) {
		String detail = (cause != null) ? reason + ": " + cause.getMessage() : reason;
		return new JetStreamProvisioningException(Reason.UNAVAILABLE, List.of(new Problem(path, detail)), cause);
	}

}
