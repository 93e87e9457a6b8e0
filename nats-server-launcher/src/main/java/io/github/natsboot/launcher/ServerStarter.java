package io.github.natsboot.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link NatsServerProcess} from a builder's settings: selects how it runs, lays it out
 * and launches it; {@link #start()} also waits until it is ready, and tries other free ports when
 * a freely chosen one was taken meanwhile.
 */
final class ServerStarter {

	private static final Logger logger = LoggerFactory.getLogger(NatsServerProcess.class);

	private static final int MAX_START_ATTEMPTS = 3;

	private final ServerSettings settings;

	ServerStarter(ServerSettings settings) {
		this.settings = settings;
	}

	/**
	 * Starts the server and waits until it is ready.
	 * @return the running server
	 * @throws NatsServerLaunchException if the server does not become ready in time
	 * @throws NatsServerNotFoundException if no {@code nats-server} executable is found
	 */
	NatsServerProcess start() {
		boolean freePorts = this.settings.freePorts();
		for (int attempt = 1;; attempt++) {
			NatsServerProcess server = launch();
			try {
				server.awaitReady(!freePorts);
				return server;
			}
			catch (PortConflictException ex) {
				server.close();
				if (attempt == MAX_START_ATTEMPTS) {
					throw ex;
				}
				logger.debug("A port of nats-server {} was taken meanwhile, trying other ports", server.getName());
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
		}
	}

	/**
	 * Starts the server process without waiting until it is ready.
	 * @return the starting server
	 * @throws NatsServerLaunchException if the process cannot be run
	 * @throws NatsServerNotFoundException if no {@code nats-server} executable is found
	 */
	NatsServerProcess launch() {
		NatsServerExecutableLocator locator = (this.settings.locator() != null) ? this.settings.locator()
				: NatsServerExecutableLocator.create();
		ServerRuntime runtime = new RuntimeSelector(this.settings.containers()).select(this.settings.executable(),
				locator, this.settings.containerImage());
		NatsServerProcess server = new NatsServerProcess(ServerLayout.create(this.settings), runtime,
				this.settings.startupTimeout());
		try {
			server.launch();
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

}
