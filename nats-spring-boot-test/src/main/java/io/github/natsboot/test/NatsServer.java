package io.github.natsboot.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.natsboot.launcher.MonitorEndpoint;
import io.github.natsboot.launcher.NatsServerExecutableLocator;
import io.github.natsboot.launcher.NatsServerLaunchException;
import io.github.natsboot.launcher.NatsServerProcess;

/**
 * One real {@code nats-server} process on 127.0.0.1, for tests.
 *
 * <p>The server gets a generated configuration file, a log file and (by default) a JetStream store
 * in a private temporary directory, a free client port and a free monitoring port. It is ready when
 * its {@code /healthz} endpoint answers 200 (with JetStream on, JetStream is up; in a cluster, the
 * node is current with a meta leader) and its client port accepts connections. Tests can
 * {@link #stop()}, {@link #kill()}, {@link #pause()}, {@link #resume()} and {@link #restart()} it;
 * a restart keeps the client port, the cluster port and the store. A JVM shutdown hook kills every
 * server that is still running when the JVM exits.
 *
 * <p>When no executable is found (see {@link NatsServerBinary}), the same server runs in a
 * container with host networking if Testcontainers and a Docker engine on this Linux machine are
 * there: URL, ports, configuration, log file and store stay the same, and the methods above map to
 * {@code docker kill --signal TERM}, {@code docker kill}, {@code docker pause},
 * {@code docker unpause} and a new container.
 *
 * <pre class="code">
 * try (NatsServer server = NatsServer.builder().start()) {
 *     Connection connection = Nats.connect(server.getUrl());
 *     ...
 * }
 * </pre>
 *
 * @see NatsServerProcess
 */
public final class NatsServer implements AutoCloseable {

	static final String LOOPBACK = NatsServerProcess.LOOPBACK;

	private final NatsServerProcess process;

	private NatsServer(NatsServerProcess process) {
		this.process = process;
	}

	/**
	 * Returns a builder for a server with JetStream on, free ports and a private store.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the URL clients connect to.
	 * @return {@code nats://127.0.0.1:<port>}
	 */
	public String getUrl() {
		return this.process.getUrl();
	}

	/**
	 * Returns the client port, which stays the same across restarts.
	 * @return the client port
	 */
	public int getPort() {
		return this.process.getPort();
	}

	/**
	 * Returns the HTTP monitoring port ({@code /varz}, {@code /jsz}, {@code /healthz}).
	 * @return the monitoring port
	 */
	public int getMonitorPort() {
		return this.process.getMonitorPort();
	}

	/**
	 * Returns the port other cluster nodes route to.
	 * @return the cluster port, or {@code 0} when the server is not part of a cluster
	 */
	public int getClusterPort() {
		return this.process.getClusterPort();
	}

	/**
	 * Returns the JetStream store directory given to the server (the server keeps its data in a
	 * {@code jetstream} directory inside it). It survives restarts; it is deleted on
	 * {@link #close()} only when it was created by this class.
	 * @return the store directory
	 */
	public Path getStoreDir() {
		return this.process.getStoreDir();
	}

	/**
	 * Returns the server name ({@code server_name}), also used in cluster and JetStream output.
	 * @return the server name
	 */
	public String getName() {
		return this.process.getName();
	}

	/**
	 * Returns the file the server logs to. It is appended to across restarts.
	 * @return the log file
	 */
	public Path getLogFile() {
		return this.process.getLogFile();
	}

	/**
	 * Returns whether the process is alive; a paused server is still running.
	 * @return {@code true} if the process is alive
	 */
	public boolean isRunning() {
		return this.process.isRunning();
	}

	/**
	 * Returns whether the server has been {@linkplain #pause() paused} and not resumed.
	 * @return {@code true} if the process is stopped with SIGSTOP
	 */
	public boolean isPaused() {
		return this.process.isPaused();
	}

	/**
	 * Returns the operating system process id of the current, or most recent, process.
	 * @return the process id
	 */
	public long getPid() {
		return this.process.getPid();
	}

	/**
	 * Stops the server gracefully: SIGTERM, then SIGKILL if it has not exited within 10 seconds.
	 * Does nothing if the server is not running.
	 */
	public void stop() {
		this.process.stop();
	}

	/**
	 * Kills the server with SIGKILL ({@code kill -9}), as a crash would, and waits until the
	 * process has exited. Does nothing if the server is not running.
	 */
	public void kill() {
		this.process.kill();
	}

	/**
	 * Freezes the process with SIGSTOP: connections stay open but nothing answers, as with a hung
	 * server or a network partition.
	 * @throws IllegalStateException if the server is not running
	 */
	public void pause() {
		this.process.pause();
	}

	/**
	 * Continues a {@linkplain #pause() paused} process with SIGCONT.
	 * @throws IllegalStateException if the server is not running
	 */
	public void resume() {
		this.process.resume();
	}

	/**
	 * Starts the server again on the same client port, cluster port and store directory, stopping
	 * it first if it is running, and waits until it is ready. Works after {@link #kill()}.
	 * @throws NatsServerStartupException if the server does not become ready in time
	 * @throws IllegalStateException if the server has been closed
	 */
	public void restart() {
		startup(() -> {
			this.process.restart();
			return this;
		});
	}

	/**
	 * Stops the server if it is running and deletes the temporary directories created for it.
	 */
	@Override
	public void close() {
		this.process.close();
	}

	@Override
	public String toString() {
		return "NatsServer[" + getName() + " " + getUrl() + "]";
	}

	MonitorEndpoint monitor() {
		return this.process.monitor();
	}

	void awaitReady() {
		startup(() -> {
			this.process.awaitReady();
			return this;
		});
	}

	private static <T> T startup(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (NatsServerLaunchException ex) {
			throw new NatsServerStartupException(ex.getMessage(), ex);
		}
	}

	/**
	 * Configures and starts a {@link NatsServer}. Every setting has a default: JetStream on, free
	 * ports, a private temporary store, a 20 second startup timeout and the executable found by
	 * {@link NatsServerBinary#locate()}, or else a {@linkplain NatsServerBinary#containerImage()
	 * container}.
	 */
	public static final class Builder {

		private final NatsServerProcess.Builder process = NatsServerProcess.builder();

		private Path executable;

		private NatsServerExecutableLocator locator;

		private Builder() {
		}

		/**
		 * Turns JetStream on or off.
		 * @param jetStream whether JetStream is enabled (default {@code true})
		 * @return this builder
		 */
		public Builder jetStream(boolean jetStream) {
			this.process.jetStream(jetStream);
			return this;
		}

		/**
		 * Sets the client port.
		 * @param port the client port, or {@code 0} for a free port (the default)
		 * @return this builder
		 */
		public Builder port(int port) {
			this.process.port(port);
			return this;
		}

		/**
		 * Sets the {@code nats-server} executable, or a directory that contains it.
		 * @param executable the executable (default: {@link NatsServerBinary#locate()})
		 * @return this builder
		 */
		public Builder executable(Path executable) {
			this.executable = executable;
			return this;
		}

		Builder locator(NatsServerExecutableLocator locator) {
			this.locator = locator;
			return this;
		}

		/**
		 * Sets the server name.
		 * @param name the {@code server_name} (default {@code nats-<port>})
		 * @return this builder
		 */
		public Builder name(String name) {
			this.process.name(name);
			return this;
		}

		/**
		 * Sets the JetStream store directory; a directory given here is kept on close.
		 * @param storeDir the store directory (default: a private temporary directory deleted on
		 * close)
		 * @return this builder
		 */
		public Builder storeDir(Path storeDir) {
			this.process.storeDir(storeDir);
			return this;
		}

		/**
		 * Appends a snippet to the generated configuration file, after the generated settings:
		 * {@code authorization}, {@code tls}, {@code accounts} blocks and the like. May be called
		 * more than once.
		 * @param snippet nats-server configuration text
		 * @return this builder
		 */
		public Builder config(String snippet) {
			this.process.config(snippet);
			return this;
		}

		/**
		 * Adds command-line arguments, passed after {@code -c <config> -l <log>}. May be called
		 * more than once.
		 * @param args extra arguments
		 * @return this builder
		 */
		public Builder arg(String... args) {
			this.process.arg(args);
			return this;
		}

		/**
		 * Makes the server a cluster node with this cluster name.
		 * @param clusterName the cluster name
		 * @return this builder
		 */
		public Builder clusterName(String clusterName) {
			this.process.clusterName(clusterName);
			return this;
		}

		/**
		 * Sets the port other cluster nodes route to, making the server a cluster node.
		 * @param clusterPort the cluster port, or {@code 0} for a free port when clustered
		 * @return this builder
		 */
		public Builder clusterPort(int clusterPort) {
			this.process.clusterPort(clusterPort);
			return this;
		}

		/**
		 * Sets the routes to the other cluster nodes, making the server a cluster node.
		 * @param routes route URLs such as {@code nats-route://127.0.0.1:6222}, or
		 * {@code host:port}
		 * @return this builder
		 */
		public Builder routes(List<String> routes) {
			this.process.routes(routes);
			return this;
		}

		/**
		 * Sets how long {@link #start()} and {@link NatsServer#restart()} wait for the server to
		 * become ready.
		 * @param startupTimeout the startup timeout (default 20 seconds)
		 * @return this builder
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			this.process.startupTimeout(startupTimeout);
			return this;
		}

		/**
		 * Starts the server and waits until it is ready.
		 * @return the running server
		 * @throws NatsServerStartupException if the server does not become ready in time
		 * @throws IllegalStateException if no {@code nats-server} executable is found and no
		 * container can run the server
		 */
		public NatsServer start() {
			return startup(() -> new NatsServer(withExecutable().start()));
		}

		NatsServer launch() {
			return startup(() -> new NatsServer(withExecutable().launch()));
		}

		private NatsServerProcess.Builder withExecutable() {
			return this.process
				.locator((this.locator != null) ? this.locator : NatsServerBinary.locator(this.executable))
				.containerImage(NatsServerBinary.containerImage());
		}

	}

}
