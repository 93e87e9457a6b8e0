package io.github.natsboot.sample.order;

import java.io.IOException;

import io.github.natsboot.core.NatsException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.StreamState;

import org.springframework.stereotype.Component;

/**
 * Reads the current state of a stream: message count and sequences.
 */
@Component
public class StreamStates {

	private final Connection connection;

	StreamStates(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Return the state of a stream.
	 * @param stream the stream name
	 * @return its state now
	 * @throws NatsException if the server cannot tell
	 */
	public StreamState get(String stream) {
		try {
			return this.connection.jetStreamManagement().getStreamInfo(stream).getStreamState();
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsException("Could not read the state of stream '" + stream + "': " + ex.getMessage(), ex);
		}
	}

}
