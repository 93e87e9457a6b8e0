package io.github.natsboot.cloud.stream.binder;

import io.nats.client.api.StorageType;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the NATS binder as a whole.
 */
@ConfigurationProperties("spring.cloud.stream.nats.binder")
public class NatsBinderConfigurationProperties {

	/**
	 * Name of the connection under nats.connections that the bindings use; the default
	 * connection (nats.*) when not set.
	 */
	private String connection;

	/**
	 * Whether a JetStream binding creates its stream when it does not exist, capturing
	 * the destination and the subjects below it (destination.>).
	 */
	private boolean autoCreateStreams = true;

	/**
	 * Storage of the streams the binder creates.
	 */
	private StorageType streamStorage = StorageType.File;

	public String getConnection() {
		return this.connection;
	}

	public void setConnection(String connection) {
		this.connection = connection;
	}

	public boolean isAutoCreateStreams() {
		return this.autoCreateStreams;
	}

	public void setAutoCreateStreams(boolean autoCreateStreams) {
		this.autoCreateStreams = autoCreateStreams;
	}

	public StorageType getStreamStorage() {
		return this.streamStorage;
	}

	public void setStreamStorage(StorageType streamStorage) {
		this.streamStorage = streamStorage;
	}

}
