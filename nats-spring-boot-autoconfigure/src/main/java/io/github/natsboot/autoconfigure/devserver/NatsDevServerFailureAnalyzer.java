package io.github.natsboot.autoconfigure.devserver;

import io.github.natsboot.devserver.NatsDevServerException;
import io.github.natsboot.devserver.NatsDevServerLauncher;
import io.github.natsboot.launcher.NatsServerExecutableLocator;
import io.github.natsboot.launcher.NatsServerNotFoundException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link NatsDevServerException} at startup: what to install, which property to fix,
 * or why the server did not start.
 */
class NatsDevServerFailureAnalyzer extends AbstractFailureAnalyzer<NatsDevServerException> {

	private static final String PROPERTY = NatsDevServerLauncher.EXECUTABLE_PROPERTY;

	private static final String ALTERNATIVES = "Or point nats.servers at a running NATS server, or set "
			+ "nats.dev-server.enabled=false.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsDevServerException cause) {
		return switch (cause.getReason()) {
			case NOT_INSTALLED -> notInstalled(cause);
			case WRONG_EXECUTABLE -> wrongExecutable(cause);
			case NOT_READY -> notReady(cause);
		};
	}

	private FailureAnalysis notInstalled(NatsDevServerException cause) {
		String description = "The NATS dev server (nats.dev-server.enabled=true) could not be started: "
				+ cause.getDetail() + ".";
		String action = "Install nats-server: on Debian/Ubuntu run '" + NatsServerNotFoundException.INSTALL_COMMAND
				+ "' (it installs /usr/sbin/nats-server); elsewhere put the nats-server executable on PATH or in "
				+ NatsServerExecutableLocator.WELL_KNOWN_DIRECTORIES + ". If it is installed somewhere else, set "
				+ PROPERTY + " to its path. With a Docker engine running, adding org.testcontainers:testcontainers "
				+ "to the class path makes the dev server run a container instead. " + ALTERNATIVES;
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis wrongExecutable(NatsDevServerException cause) {
		String description = "The NATS dev server could not be started: " + cause.getDetail() + ".";
		String action = "Set " + PROPERTY + " to the nats-server executable or the directory that holds it, or "
				+ "remove it to search PATH and " + NatsServerExecutableLocator.WELL_KNOWN_DIRECTORIES
				+ ". To install nats-server on Debian/Ubuntu run '" + NatsServerNotFoundException.INSTALL_COMMAND
				+ "'. " + ALTERNATIVES;
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis notReady(NatsDevServerException cause) {
		String description = "The NATS dev server did not start: " + cause.getDetail();
		String action = "Read the server log above. When nats.dev-server.port is set, make sure no other process "
				+ "listens on it (0 picks a free port); when nats.dev-server.store-dir is set, make sure the "
				+ "directory is writable and not used by another server. " + ALTERNATIVES;
		return new FailureAnalysis(description, action, cause);
	}

}
