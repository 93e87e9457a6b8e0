package io.github.natsboot.core;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * Connects with reconnect-on-connect semantics without blocking the caller through every
 * attempt: jnats's {@code connectReconnectOnConnect} returns only once a server
 * accepted the connection. This starts jnats's asynchronous connect and returns the
 * connection object as soon as jnats reports the outcome of the first attempt (connected
 * or disconnected) to the connection listener; the connection keeps trying in the
 * background within the reconnect settings, and subscriptions made meanwhile are sent
 * once it is connected.
 */
final class BackgroundConnector {

	private static final Duration MARGIN = Duration.ofSeconds(5);

	private BackgroundConnector() {
	}

	static Connection connect(Options options) throws IOException, InterruptedException {
		CompletableFuture<Connection> firstAttempt = new CompletableFuture<>();
		List<ConnectionListener> listeners = new ArrayList<>(List.of(reportFirstAttempt(firstAttempt)));
		if (options.getConnectionListener() != null) {
			listeners.add(options.getConnectionListener());
		}
		Options reporting = new Options.Builder(options).connectionListener(new CompositeConnectionListener(listeners))
			.build();
		Nats.connectAsynchronously(reporting, true);
		Duration wait = options.getConnectionTimeout().multipliedBy(options.getServers().size()).plus(MARGIN);
		try {
			return firstAttempt.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IOException("No NATS connection attempt completed within " + wait, ex);
		}
		catch (ExecutionException ex) {
			throw new IOException("NATS connection could not be created", ex.getCause());
		}
	}

	@SuppressWarnings("deprecation")
	private static ConnectionListener reportFirstAttempt(CompletableFuture<Connection> firstAttempt) {
		return (connection, type) -> {
			if (connection != null) {
				firstAttempt.complete(connection);
			}
		};
	}

}
