package io.github.natsboot.devserver;

import java.nio.file.Path;

import io.github.natsboot.devserver.NatsDevServerException.Reason;
import io.github.natsboot.launcher.NatsServerExecutableLocator;
import io.github.natsboot.launcher.NatsServerLaunchException;
import io.github.natsboot.launcher.NatsServerNotFoundException;
import io.github.natsboot.launcher.NatsServerProcess;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Starts a {@link NatsDevServer}: a {@code nats-server} process with JetStream when an executable
 * is found (the configured one, else on {@code PATH} or in the well-known directories), otherwise a
 * container when Testcontainers and Docker are there. A configured executable that does not exist
 * is an error, never a reason to fall back on something else.
 */
public final class NatsDevServerLauncher {

	/** The property that names the executable, quoted in failure messages. */
	public static final String EXECUTABLE_PROPERTY = "nats.dev-server.executable";

	static final String SERVER_NAME = "nats-dev-server";

	private static final Log logger = LogFactory.getLog(NatsDevServerLauncher.class);

	private final NatsDevServerSettings settings;

	private final NatsServerExecutableLocator locator;

	private final NatsDevServerContainers containers;

	private boolean stopOnJvmExit = true;

	/**
	 * Creates a launcher that searches {@code PATH} and the well-known directories and falls back
	 * on Testcontainers.
	 * @param settings the dev server settings
	 * @param classLoader the class loader to look Testcontainers up in
	 */
	public NatsDevServerLauncher(NatsDevServerSettings settings, ClassLoader classLoader) {
		this(settings, NatsServerExecutableLocator.create(), new TestcontainersNatsDevServerContainers(classLoader));
	}

	NatsDevServerLauncher(NatsDevServerSettings settings, NatsServerExecutableLocator locator,
			NatsDevServerContainers containers) {
		this.settings = settings;
		this.locator = locator.configured(EXECUTABLE_PROPERTY, settings.executable())
			.configurationHint("set " + EXECUTABLE_PROPERTY + " to the path of the executable");
		this.containers = containers;
	}

	/**
	 * Sets whether a JVM shutdown hook of the launcher kills a server process that is still
	 * running when the JVM exits. Turn it off when the caller closes the server from a shutdown
	 * hook of its own that must finish first, such as an application context that drains its
	 * connection before it closes the server: shutdown hooks run concurrently.
	 * @param stopOnJvmExit whether the launcher's hook kills the process (default {@code true})
	 * @return this launcher
	 */
	public NatsDevServerLauncher stopOnJvmExit(boolean stopOnJvmExit) {
		this.stopOnJvmExit = stopOnJvmExit;
		return this;
	}

	/**
	 * Starts the server and waits until it is ready.
	 * @return the running server
	 * @throws NatsDevServerException if no server can be started
	 */
	public NatsDevServer start() {
		Path executable;
		try {
			executable = this.locator.locate();
		}
		catch (NatsServerNotFoundException ex) {
			if (ex.isConfigured()) {
				throw new NatsDevServerException(Reason.WRONG_EXECUTABLE, ex.getReason(), ex);
			}
			return startContainer(ex);
		}
		return started(startProcess(executable));
	}

	private NatsDevServer startProcess(Path executable) {
		try {
			return new ProcessNatsDevServer(NatsServerProcess.builder()
				.executable(executable)
				.name(SERVER_NAME)
				.port(this.settings.port())
				.storeDir(this.settings.storeDir())
				.reapOnJvmExit(this.stopOnJvmExit)
				.start());
		}
		catch (NatsServerLaunchException ex) {
			throw new NatsDevServerException(Reason.NOT_READY, ex.getMessage(), ex);
		}
	}

	private NatsDevServer startContainer(NatsServerNotFoundException notFound) {
		String unavailable = this.containers.unavailableReason();
		if (unavailable != null) {
			throw new NatsDevServerException(Reason.NOT_INSTALLED,
					"no nats-server executable found (" + notFound.getReason() + ") and no container fallback ("
							+ unavailable + ")",
					notFound);
		}
		logger.info("No nats-server executable found (" + notFound.getReason() + "); starting the NATS dev server in a "
				+ this.settings.containerImage() + " container");
		return started(this.containers.start(this.settings));
	}

	private static NatsDevServer started(NatsDevServer server) {
		logger.info("NATS dev server running at " + server.getUrl() + ": " + server);
		return server;
	}

}
