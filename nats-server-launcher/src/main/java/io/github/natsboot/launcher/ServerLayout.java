package io.github.natsboot.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one server lives, laid out from its settings: its name and ports (free ones where none is
 * set), a temporary work directory holding its generated configuration file and log file, its
 * store directory, and the command line that runs it.
 *
 * @param name the server name
 * @param port the client port
 * @param monitorPort the HTTP monitoring port
 * @param clusterPort the cluster port, or {@code 0} when the server is not a cluster node
 * @param storeDir the store directory
 * @param workDir the temporary work directory
 * @param launch what each run of the server starts with
 */
record ServerLayout(String name, int port, int monitorPort, int clusterPort, Path storeDir, Path workDir,
		ServerRuntime.Launch launch) {

	private static final String DEFAULT_CLUSTER_NAME = "nats-cluster";

	/**
	 * Picks the ports, creates the directories and writes the configuration file.
	 * @param settings the settings
	 * @return the layout
	 */
	static ServerLayout create(ServerSettings settings) {
		int clientPort = (settings.port() > 0) ? settings.port() : FreePorts.next();
		int monitorPort = FreePorts.next();
		int routePort = settings.clustered() ? ((settings.clusterPort() > 0) ? settings.clusterPort() : FreePorts.next())
				: 0;
		String serverName = (settings.name() != null) ? settings.name() : "nats-" + clientPort;
		Path workDir = Directories.createTemp("nats-server-" + serverName + "-").toAbsolutePath();
		if (settings.reapOnJvmExit()) {
			ProcessReaper.deleteOnExit(workDir);
		}
		Path store = (settings.storeDir() != null) ? settings.storeDir().toAbsolutePath() : workDir.resolve("store");
		Directories.create(store);
		Path configFile = workDir.resolve("nats-server.conf");
		write(configFile, config(settings, serverName, clientPort, monitorPort, routePort, store));
		Path logFile = workDir.resolve("nats-server.log");
		List<String> arguments = new ArrayList<>(List.of("-c", configFile.toString(), "-l", logFile.toString()));
		arguments.addAll(settings.args());
		List<Path> directories = store.startsWith(workDir) ? List.of(workDir) : List.of(workDir, store);
		return new ServerLayout(serverName, clientPort, monitorPort, routePort, store, workDir,
				new ServerRuntime.Launch(arguments, directories, logFile, settings.reapOnJvmExit()));
	}

	private static String config(ServerSettings settings, String serverName, int clientPort, int monitorPort,
			int routePort, Path store) {
		NatsServerConfig.Cluster cluster = settings.clustered() ? new NatsServerConfig.Cluster(
				(settings.clusterName() != null) ? settings.clusterName() : DEFAULT_CLUSTER_NAME, routePort,
				settings.routes()) : null;
		return new NatsServerConfig(serverName, clientPort, monitorPort, settings.jetStream() ? store : null, cluster,
				settings.configSnippets())
			.render();
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/**
	 * Returns the URL clients connect to.
	 * @return {@code nats://127.0.0.1:<port>}
	 */
	String url() {
		return "nats://" + NatsServerProcess.LOOPBACK + ":" + this.port;
	}

	/**
	 * Returns the file the server logs to.
	 * @return the log file
	 */
	Path logFile() {
		return this.launch.logFile();
	}

}
