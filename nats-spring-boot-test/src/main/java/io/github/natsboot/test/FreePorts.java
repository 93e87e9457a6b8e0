package io.github.natsboot.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out free TCP ports on 127.0.0.1, never the same one twice in a JVM.
 */
final class FreePorts {

	private static final int MAX_ATTEMPTS = 100;

	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	static int next() {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(NatsServer.LOOPBACK))) {
				int port = socket.getLocalPort();
				if (handedOut.add(port)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not find a free port on " + NatsServer.LOOPBACK, ex);
			}
		}
		throw new IllegalStateException("No unused free port on " + NatsServer.LOOPBACK + " after "
				+ MAX_ATTEMPTS + " attempts");
	}

}
