package io.github.natsboot.core;

import java.io.IOException;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * Creates the NATS {@link Connection} from fully built {@link Options}. The seam between
 * the auto-configuration and the network: tests replace it to check the options without
 * a server.
 */
@FunctionalInterface
public interface NatsConnectionFactory {

	/**
	 * Connect to NATS.
	 * @param options the connection options
	 * @param failFast {@code true} to fail when no server is reachable now; {@code false}
	 * to return at once with a connection that keeps trying in the background
	 * @return the connection
	 * @throws IOException if no server could be reached (fail-fast) or authentication
	 * failed
	 * @throws InterruptedException if interrupted while connecting
	 */
	Connection connect(Options options, boolean failFast) throws IOException, InterruptedException;

	/**
	 * The default factory: {@link Nats#connect(Options)} when failing fast, otherwise a
	 * connection that makes its first attempts on a background thread.
	 * @return the default factory
	 */
	static NatsConnectionFactory standard() {
		return (options, failFast) -> failFast ? Nats.connect(options)
				: BackgroundConnector.connect(options);
	}

}
