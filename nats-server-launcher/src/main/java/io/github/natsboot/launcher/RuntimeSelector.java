package io.github.natsboot.launcher;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how a server runs: the given executable, else the one the locator finds, else a
 * container when one can be run here. A configured location that does not lead to an executable
 * is an error, never a reason to fall back on a container.
 */
final class RuntimeSelector {

	private static final Logger logger = LoggerFactory.getLogger(RuntimeSelector.class);

	private final ContainerEngine containers;

	RuntimeSelector(ContainerEngine containers) {
		this.containers = containers;
	}

	/**
	 * Selects the runtime.
	 * @param executable the executable, or {@code null} to locate it
	 * @param locator finds the executable
	 * @param containerImage the image to run when no executable is found, or {@code null} for no
	 * container fallback
	 * @return the runtime
	 * @throws NatsServerNotFoundException if there is neither an executable nor a way to run a
	 * container
	 */
	ServerRuntime select(Path executable, NatsServerExecutableLocator locator, String containerImage) {
		if (executable != null) {
			return new ProcessServerRuntime(executable);
		}
		try {
			return new ProcessServerRuntime(locator.locate());
		}
		catch (NatsServerNotFoundException ex) {
			if (ex.isConfigured() || containerImage == null) {
				throw ex;
			}
			String unavailable = this.containers.unavailableReason();
			if (unavailable != null) {
				throw new NatsServerNotFoundException(ex, unavailable);
			}
			logger.info("No nats-server executable found ({}); running nats-server in {} containers with host networking",
					ex.getReason(), containerImage);
			return this.containers.runtime(containerImage);
		}
	}

}
