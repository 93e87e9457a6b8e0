package io.github.natsboot.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link NatsServerProcess.Builder} was told, fixed at the moment a server is started from
 * it, so that the builder can be changed and used again.
 *
 * @param jetStream whether JetStream is on
 * @param port the client port, or {@code 0} for a free port
 * @param executable the executable, or {@code null} to locate it
 * @param locator finds the executable when none is given
 * @param containerImage the image to run when no executable is found, or {@code null}
 * @param containers runs containers
 * @param name the server name, or {@code null} for {@code nats-<port>}
 * @param storeDir the store directory, or {@code null} for one in the work directory
 * @param configSnippets configuration text appended to the generated file
 * @param args extra command-line arguments
 * @param clusterName the cluster name, or {@code null}
 * @param clusterPort the cluster port, or {@code 0}
 * @param routes the routes to the other cluster nodes
 * @param startupTimeout how long to wait for the server to become ready
 * @param reapOnJvmExit whether a JVM shutdown hook kills the server
 */
record ServerSettings(boolean jetStream, int port, Path executable, NatsServerExecutableLocator locator,
		String containerImage, ContainerEngine containers, String name, Path storeDir, List<String> configSnippets,
		List<String> args, String clusterName, int clusterPort, List<String> routes, Duration startupTimeout,
		boolean reapOnJvmExit) {

	ServerSettings {
		configSnippets = List.copyOf(configSnippets);
		args = List.copyOf(args);
		routes = List.copyOf(routes);
	}

	/**
	 * Tells whether the server is a cluster node: it has a cluster name, a cluster port or routes.
	 * @return {@code true} for a cluster node
	 */
	boolean clustered() {
		return this.clusterName != null || this.clusterPort > 0 || !this.routes.isEmpty();
	}

	/**
	 * Tells whether every port is chosen freely, so that a port taken meanwhile is a reason to try
	 * other ones.
	 * @return {@code true} when neither the client port nor the cluster port is set
	 */
	boolean freePorts() {
		return this.port == 0 && this.clusterPort == 0;
	}

}
