package io.github.natsboot.jetstream;

import java.io.IOException;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

/**
 * Resets the JetStream state of a test server between tests: deletes every stream, then
 * creates the file streams a test needs.
 */
public final class TestStreams {

	private TestStreams() {
	}

	/**
	 * Delete every stream of the server the connection is on, then create the given
	 * streams.
	 * @param management the management context of a connection to the server
	 * @param streams the streams to create
	 * @throws IOException if the server cannot be reached
	 * @throws JetStreamApiException if the server refuses
	 */
	public static void reset(JetStreamManagement management, StreamConfiguration... streams)
			throws IOException, JetStreamApiException {
		for (String name : management.getStreamNames()) {
			management.deleteStream(name);
		}
		for (StreamConfiguration stream : streams) {
			management.addStream(stream);
		}
	}

	/**
	 * Delete every stream of a server, over a connection of its own.
	 * @param url the server's URL
	 * @throws Exception if the server cannot be reached or refuses
	 */
	public static void deleteAll(String url) throws Exception {
		try (Connection admin = Nats.connect(url)) {
			reset(admin.jetStreamManagement());
		}
	}

	/**
	 * A file stream.
	 * @param name the stream name
	 * @param subjects its subjects
	 * @return the configuration
	 */
	public static StreamConfiguration fileStream(String name, String subjects) {
		return StreamConfiguration.builder().name(name).subjects(subjects).storageType(StorageType.File).build();
	}

}
