package io.github.natsboot.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One real {@code nats-server} process on 127.0.0.1.
 *
 * <p>The server gets a generated configuration file, a log file and (by default) a JetStream store
 * in a private temporary directory, a free client port and a free monitoring port. It is ready when
 * its {@code /healthz} endpoint answers 200 (with JetStream on, JetStream is up; in a cluster, the
 * node is current with a meta leader) and its client port accepts connections. It can be
 * {@linkplain #stop() stopped}, {@linkplain #kill() killed}, {@linkplain #pause() paused},
 * {@linkplain #resume() resumed} and {@linkplain #restart() restarted}; a restart keeps the client
 * port, the cluster port and the store. A JVM shutdown hook kills every server that is still
 * running when the JVM exits and deletes its temporary directories.
 *
 * <p>When no executable is given or found, and Testcontainers reaches a Docker engine on this
 * Linux machine, the same command runs in a container (see {@link Builder#containerImage(String)})
 * with host networking, the work and store directories mounted at the same paths and the user
 * that owns them: ports, configuration, log file and store are the same, and stop, kill, pause,
 * resume and restart map to {@code docker kill --signal TERM}, {@code docker kill},
 * {@code docker pause}, {@code docker unpause} and a new container.
 *
 * <pre class="code">
 * try (NatsServerProcess server = NatsServerProcess.builder().start()) {
 *     Connection connection = Nats.connect(server.getUrl());
 *     ...
 * }
 * </pre>
 */
public final class NatsServerProcess implements AutoCloseable {

	/** The address every server listens on. */
	public static final String LOOPBACK = "127.0.0.1";

	/** The image run when no executable is found. */
	public static final String DEFAULT_CONTAINER_IMAGE = "nats:2.10";

	private final ServerLayout layout;

	private final ServerRunner runner;

	private final MonitorEndpoint monitor;

	private final ReadinessWait readiness;

	private boolean closed;

	NatsServerProcess(ServerLayout layout, ServerRuntime runtime, Duration startupTimeout) {
		this.layout = layout;
		this.runner = new ServerRunner(layout, runtime);
		this.monitor = new MonitorEndpoint(layout.monitorPort());
		this.readiness = new ReadinessWait(this.runner, layout, this.monitor, startupTimeout);
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
		return this.layout.url();
	}

	/**
	 * Returns the client port, which stays the same across restarts.
	 * @return the client port
	 */
	public int getPort() {
		return this.layout.port();
	}

	/**
	 * Returns the HTTP monitoring port ({@code /varz}, {@code /jsz}, {@code /healthz}).
	 * @return the monitoring port
	 */
	public int getMonitorPort() {
		return this.layout.monitorPort();
	}

	/**
	 * Returns the port other cluster nodes route to.
	 * @return the cluster port, or {@code 0} when the server is not part of a cluster
	 */
	public int getClusterPort() {
		return this.layout.clusterPort();
	}

	/**
	 * Returns the JetStream store directory given to the server (the server keeps its data in a
	 * {@code jetstream} directory inside it). It survives restarts; it is deleted on
	 * {@link #close()} only when it was created by this class.
	 * @return the store directory
	 */
	public Path getStoreDir() {
		return this.layout.storeDir();
	}

	/**
	 * Returns the server name ({@code server_name}), also used in cluster and JetStream output.
	 * @return the server name
	 */
	public String getName() {
		return this.layout.name();
	}

	/**
	 * Returns the file the server logs to. It is appended to across restarts.
	 * @return the log file
	 */
	public Path getLogFile() {
		return this.layout.logFile();
	}

	/**
	 * Returns whether the process is alive; a paused server is still running.
	 * @return {@code true} if the process is alive
	 */
	public boolean isRunning() {
		return this.runner.isRunning();
	}

	/**
	 * Returns whether the server has been {@linkplain #pause() paused} and not resumed.
	 * @return {@code true} if the process is stopped with SIGSTOP (or its container paused)
	 */
	public boolean isPaused() {
		return this.runner.isPaused();
	}

	/**
	 * Returns the operating system process id of the current, or most recent, process (for a
	 * container, the host's process id of the server in it).
	 * @return the process id
	 */
	public long getPid() {
		return this.runner.current().pid();
	}

	/**
	 * Tells whether the server runs in a container because no executable was found.
	 * @return {@code true} for a container, {@code false} for a local process
	 */
	public boolean isContainer() {
		return this.runner.runtime().isContainer();
	}

	/**
	 * Stops the server gracefully: SIGTERM, then SIGKILL if it has not exited within 10 seconds.
	 * Does nothing if the server is not running.
	 */
	public synchronized void stop() {
		this.runner.stop();
	}

	/**
	 * Kills the server with SIGKILL ({@code kill -9}), as a crash would, and waits until the
	 * process has exited. Does nothing if the server is not running.
	 */
	public synchronized void kill() {
		this.runner.kill();
	}

	/**
	 * Freezes the process with SIGSTOP: connections stay open but nothing answers, as with a hung
	 * server or a network partition.
	 * @throws IllegalStateException if the server is not running
	 */
	public synchronized void pause() {
		this.runner.pause();
	}

	/**
	 * Continues a {@linkplain #pause() paused} process with SIGCONT.
	 * @throws IllegalStateException if the server is not running
	 */
	public synchronized void resume() {
		this.runner.resume();
	}

	/**
	 * Starts the server again on the same client port, cluster port and store directory, stopping
	 * it first if it is running, and waits until it is ready. Works after {@link #kill()}.
	 * @throws NatsServerLaunchException if the server does not become ready in time
	 * @throws IllegalStateException if the server has been closed
	 */
	public synchronized void restart() {
		if (this.closed) {
			throw new IllegalStateException("nats-server " + getName() + " has been closed");
		}
		stop();
		launch();
		awaitReady();
	}

	/**
	 * Stops the server if it is running and deletes the temporary directories created for it.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			stop();
		}
		finally {
			kill();
			Directories.deleteRecursively(this.layout.workDir());
			ProcessReaper.forget(this.layout.workDir());
		}
	}

	@Override
	public String toString() {
		ServerRuntime runtime = this.runner.runtime();
		return "NatsServerProcess[" + getName() + " " + getUrl() + (isContainer() ? " in a " + runtime : "") + "]";
	}

	/**
	 * Returns a client for the server's monitoring port.
	 * @return the monitoring endpoint
	 */
	public MonitorEndpoint monitor() {
		return this.monitor;
	}

	synchronized void launch() {
		this.runner.launch();
	}

	/**
	 * Waits until a server started with {@link Builder#launch()} is ready. When it exits because a
	 * port is still taken, it is launched again on the same ports for a few seconds.
	 * @throws NatsServerLaunchException if the server does not become ready in time
	 */
	public synchronized void awaitReady() {
		awaitReady(true);
	}

	/**
	 * Waits until the server is ready.
	 * @param retryBusyPorts whether a port that is taken is tried again (as after a restart) rather
	 * than reported with a {@link PortConflictException}
	 * @see ReadinessWait#await(boolean)
	 */
	synchronized void awaitReady(boolean retryBusyPorts) {
		this.readiness.await(retryBusyPorts);
	}

	/**
	 * Configures and starts a {@link NatsServerProcess}. Every setting has a default: JetStream on,
	 * free ports, a private temporary store, a 20 second startup timeout and the executable found
	 * by {@link NatsServerExecutableLocator}, or else a {@value #DEFAULT_CONTAINER_IMAGE} container.
	 */
	public static final class Builder {

		private boolean jetStream = true;

		private int port;

		private Path executable;

		private NatsServerExecutableLocator locator;

		private String containerImage = DEFAULT_CONTAINER_IMAGE;

		private ContainerEngine containers = ContainerEngine.testcontainers(NatsServerProcess.class.getClassLoader());

		private String name;

		private Path storeDir;

		private final List<String> configSnippets = new ArrayList<>();

		private final List<String> args = new ArrayList<>();

		private String clusterName;

		private int clusterPort;

		private final List<String> routes = new ArrayList<>();

		private Duration startupTimeout = Duration.ofSeconds(20);

		private boolean reapOnJvmExit = true;

		private Builder() {
		}

		/**
		 * Turns JetStream on or off.
		 * @param jetStream whether JetStream is enabled (default {@code true})
		 * @return this builder
		 */
		public Builder jetStream(boolean jetStream) {
			this.jetStream = jetStream;
			return this;
		}

		/**
		 * Sets the client port.
		 * @param port the client port, or {@code 0} for a free port (the default)
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = requirePort(port);
			return this;
		}

		/**
		 * Sets the {@code nats-server} executable.
		 * @param executable the executable, or {@code null} for the one that
		 * {@link NatsServerExecutableLocator#create()} finds on {@code PATH} or in the well-known
		 * directories (the default)
		 * @return this builder
		 */
		public Builder executable(Path executable) {
			this.executable = executable;
			return this;
		}

		/**
		 * Sets how the executable is found when none is {@linkplain #executable(Path) set}.
		 * @param locator the locator (default: {@link NatsServerExecutableLocator#create()})
		 * @return this builder
		 */
		public Builder locator(NatsServerExecutableLocator locator) {
			this.locator = locator;
			return this;
		}

		/**
		 * Sets the image that runs the server when no executable is {@linkplain #executable(Path)
		 * set} and the {@linkplain #locator(NatsServerExecutableLocator) locator} finds none (a
		 * wrong configured location is an error, not a reason to run a container). The container
		 * is started with Testcontainers ({@code org.testcontainers:testcontainers} on the class
		 * path) and needs a Docker engine on this Linux machine, for host networking. The image's
		 * entry point must be {@code nats-server}, as in the official {@code nats} images.
		 * @param containerImage the image (default {@value NatsServerProcess#DEFAULT_CONTAINER_IMAGE}),
		 * or {@code null} to fail when no executable is found
		 * @return this builder
		 */
		public Builder containerImage(String containerImage) {
			this.containerImage = containerImage;
			return this;
		}

		Builder containers(ContainerEngine containers) {
			this.containers = containers;
			return this;
		}

		/**
		 * Sets the server name.
		 * @param name the {@code server_name} (default {@code nats-<port>})
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets the JetStream store directory; a directory given here is kept on close.
		 * @param storeDir the store directory (default: a private temporary directory deleted on
		 * close)
		 * @return this builder
		 */
		public Builder storeDir(Path storeDir) {
			this.storeDir = storeDir;
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
			this.configSnippets.add(Objects.requireNonNull(snippet, "snippet"));
			return this;
		}

		/**
		 * Adds command-line arguments, passed after {@code -c <config> -l <log>}. May be called
		 * more than once.
		 * @param args extra arguments
		 * @return this builder
		 */
		public Builder arg(String... args) {
			this.args.addAll(Arrays.asList(args));
			return this;
		}

		/**
		 * Makes the server a cluster node with this cluster name.
		 * @param clusterName the cluster name
		 * @return this builder
		 */
		public Builder clusterName(String clusterName) {
			this.clusterName = clusterName;
			return this;
		}

		/**
		 * Sets the port other cluster nodes route to, making the server a cluster node.
		 * @param clusterPort the cluster port, or {@code 0} for a free port when clustered
		 * @return this builder
		 */
		public Builder clusterPort(int clusterPort) {
			this.clusterPort = requirePort(clusterPort);
			return this;
		}

		/**
		 * Sets the routes to the other cluster nodes, making the server a cluster node.
		 * @param routes route URLs such as {@code nats-route://127.0.0.1:6222}, or
		 * {@code host:port}
		 * @return this builder
		 */
		public Builder routes(List<String> routes) {
			this.routes.clear();
			this.routes.addAll(routes);
			return this;
		}

		/**
		 * Sets how long {@link #start()} and {@link NatsServerProcess#restart()} wait for the server to
		 * become ready.
		 * @param startupTimeout the startup timeout (default 20 seconds)
		 * @return this builder
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
			return this;
		}

		/**
		 * Sets whether this library's JVM shutdown hook kills the server and deletes its temporary
		 * directories when the JVM exits. Turn it off only when the caller closes the server from a
		 * shutdown hook of its own that must run first (for example after an application has
		 * drained its connections): shutdown hooks run concurrently. Containers are removed by
		 * Testcontainers' reaper when the JVM exits either way.
		 * @param reapOnJvmExit whether to kill the server on JVM exit (default {@code true})
		 * @return this builder
		 */
		public Builder reapOnJvmExit(boolean reapOnJvmExit) {
			this.reapOnJvmExit = reapOnJvmExit;
			return this;
		}

		/**
		 * Starts the server and waits until it is ready.
		 * @return the running server
		 * @throws NatsServerLaunchException if the server does not become ready in time
		 * @throws NatsServerNotFoundException if no {@code nats-server} executable is found
		 */
		public NatsServerProcess start() {
			return new ServerStarter(settings()).start();
		}

		/**
		 * Starts the server process without waiting until it is ready, so that several servers
		 * (the nodes of a cluster) can start side by side; {@link NatsServerProcess#awaitReady()}
		 * waits. A port chosen freely that is taken meanwhile makes the server fail instead of
		 * moving to another port.
		 * @return the starting server
		 * @throws NatsServerLaunchException if the process cannot be run
		 * @throws NatsServerNotFoundException if no {@code nats-server} executable is found
		 */
		public NatsServerProcess launch() {
			return new ServerStarter(settings()).launch();
		}

		ServerSettings settings() {
			return new ServerSettings(this.jetStream, this.port, this.executable, this.locator, this.containerImage,
					this.containers, this.name, this.storeDir, this.configSnippets, this.args, this.clusterName,
					this.clusterPort, this.routes, this.startupTimeout, this.reapOnJvmExit);
		}

		private static int requirePort(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Invalid port " + port);
			}
			return port;
		}

	}

}
