package io.github.natsboot.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out free TCP ports on 127.0.0.1, never the same one twice in a JVM, for servers that
 * need a port before they start (a cluster's route ports, for example).
 */
public final class FreePorts {

	private static final int MAX_ATTEMPTS = 100;

	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	/**
	 * Returns a port that was free a moment ago and has not been handed out before.
	 * @return a port on 127.0.0.1
	 */
	public static int next() {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(NatsServerProcess.LOOPBACK))) {
				int port = socket.getLocalPort();
				if (handedOut.add(port)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not find a free port on " + NatsServerProcess.LOOPBACK, ex);
			}
		}
		throw new IllegalStateException("No unused free port on " + NatsServerProcess.LOOPBACK + " after "
				+ MAX_ATTEMPTS + " attempts");
	}

}
