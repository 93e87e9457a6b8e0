package io.github.natsboot.core;

import java.io.IOException;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;

/**
 * Lookups of JetStream resources that answer whether they exist instead of throwing for
 * one that does not.
 */
public final class JetStreamLookups {

	private JetStreamLookups() {
	}

	/**
	 * Whether a stream exists.
	 * @param management the JetStream management of the connection
	 * @param stream the stream name
	 * @return {@code true} if the server has the stream
	 * @throws IOException if the server cannot be reached
	 * @throws JetStreamApiException if the server answers with another error
	 */
	public static boolean streamExists(JetStreamManagement management, String stream)
			throws IOException, JetStreamApiException {
		try {
			management.getStreamInfo(stream);
			return true;
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == JetStreamApiErrorCodes.STREAM_NOT_FOUND) {
				return false;
			}
			throw ex;
		}
	}

}
