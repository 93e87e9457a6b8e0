package io.github.natsboot.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the current run of a server is ready: its {@code /healthz} endpoint answers 200 and
 * its client port accepts connections. A failure is reported with the last lines of the server's
 * log.
 */
final class ReadinessWait {

	private static final Logger logger = LoggerFactory.getLogger(NatsServerProcess.class);

	private static final Duration BIND_RETRY_WINDOW = Duration.ofSeconds(5);

	private static final long POLL_MILLIS = 50;

	private static final int LOG_TAIL_LINES = 40;

	private final ServerRunner runner;

	private final ServerLayout layout;

	private final MonitorEndpoint monitor;

	private final Duration startupTimeout;

	ReadinessWait(ServerRunner runner, ServerLayout layout, MonitorEndpoint monitor, Duration startupTimeout) {
		this.runner = runner;
		this.layout = layout;
		this.monitor = monitor;
		this.startupTimeout = startupTimeout;
	}

	/**
	 * Waits until the server is ready. When it exits because a port is taken, it is launched
	 * again on the same ports for a few seconds if {@code retryBusyPorts}, as after a restart
	 * (the old process may still hold them); otherwise a {@link PortConflictException} lets the
	 * caller pick other ports.
	 * @param retryBusyPorts whether to launch the server again when a port is taken
	 * @throws NatsServerLaunchException if the server does not become ready in time
	 */
	void await(boolean retryBusyPorts) {
		Instant start = Instant.now();
		Instant deadline = start.plus(this.startupTimeout);
		Instant bindRetryDeadline = start.plus(BIND_RETRY_WINDOW);
		while (true) {
			ServerRun run = this.runner.current();
			if (!run.isAlive()) {
				boolean portTaken = this.runner.failedToBind();
				if (portTaken && retryBusyPorts && Instant.now().isBefore(bindRetryDeadline)
						&& Instant.now().isBefore(deadline)) {
					logger.debug("nats-server {} could not bind its ports yet, retrying", this.layout.name());
					sleep(POLL_MILLIS * 4);
					this.runner.launch();
					continue;
				}
				String message = failureMessage("exited with code " + run.exitCode());
				throw portTaken ? new PortConflictException(message) : new NatsServerLaunchException(message);
			}
			MonitorEndpoint.Response health = this.monitor.get("/healthz");
			if (health.isOk() && acceptsClientConnections()) {
				ServerRuntime runtime = this.runner.runtime();
				logger.info("Started nats-server {} (pid {}) at {}{}", this.layout.name(), run.pid(),
						this.layout.url(), runtime.isContainer() ? " in a " + runtime : "");
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				this.runner.kill();
				throw new NatsServerLaunchException(failureMessage(
						"was not ready within " + this.startupTimeout + " (last /healthz: " + health + ")"));
			}
			sleep(POLL_MILLIS);
		}
	}

	private boolean acceptsClientConnections() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(NatsServerProcess.LOOPBACK, this.layout.port()), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String failureMessage(String reason) {
		return "nats-server " + this.layout.name() + " at " + this.layout.url() + " " + reason
				+ this.runner.runtime().failureHint() + "; last lines of " + this.layout.logFile() + ":\n"
				+ this.runner.logTail(LOG_TAIL_LINES);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for nats-server", ex);
		}
	}

}
