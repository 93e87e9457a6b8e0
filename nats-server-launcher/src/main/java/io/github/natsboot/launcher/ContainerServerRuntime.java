package io.github.natsboot.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs servers in containers started with Testcontainers, as described by {@link ContainerSpec};
 * Testcontainers' reaper removes them when the JVM exits. Readiness is checked by
 * {@link NatsServerProcess} as for a local process, so the container counts as started as soon as
 * it is created. Only loaded once Testcontainers is known to be on the class path.
 */
final class ContainerServerRuntime implements ServerRuntime {

	private final String image;

	ContainerServerRuntime(String image) {
		this.image = image;
	}

	@Override
	public ServerRun start(Launch launch) {
		GenericContainer<?> container = container(ContainerSpec.of(this.image, launch), launch.logFile());
		try {
			container.start();
		}
		catch (RuntimeException ex) {
			container.stop();
			throw new NatsServerLaunchException(
					"Could not start a " + this.image + " container for nats-server: " + ex.getMessage() + failureHint(),
					ex);
		}
		return new ContainerServerRun(container);
	}

	static GenericContainer<?> container(ContainerSpec spec, Path logFile) {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
			.withNetworkMode(ContainerSpec.NETWORK_MODE)
			.withCommand(spec.command().toArray(String[]::new))
			.withCreateContainerCmdModifier((command) -> command.withUser(spec.user()))
			.withStartupCheckStrategy(new CreatedIsStarted())
			.waitingFor(new NoWait())
			.withLogConsumer(new AppendToFile(logFile));
		for (Path directory : spec.mounts()) {
			container.withFileSystemBind(directory.toString(), directory.toString(), BindMode.READ_WRITE);
		}
		return container;
	}

	@Override
	public boolean isContainer() {
		return true;
	}

	@Override
	public String failureHint() {
		return " (nats-server ran in a " + this.image
				+ " container with host networking, which needs a Docker engine on this Linux machine)";
	}

	@Override
	public String toString() {
		return this.image + " container";
	}

	private static final class CreatedIsStarted extends StartupCheckStrategy {

		@Override
		public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
			return StartupStatus.SUCCESSFUL;
		}

	}

	private static final class NoWait extends AbstractWaitStrategy {

		@Override
		protected void waitUntilReady() {
		}

	}

	/**
	 * Appends what the container writes to stdout and stderr (errors before the server opens its
	 * log, such as a bad configuration) to the log file, as a local process's output is.
	 */
	private static final class AppendToFile implements Consumer<OutputFrame> {

		private final Path file;

		AppendToFile(Path file) {
			this.file = file;
		}

		@Override
		public synchronized void accept(OutputFrame frame) {
			String text = frame.getUtf8String();
			if (text.isEmpty()) {
				return;
			}
			try {
				Files.writeString(this.file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				// the work directory is gone: the server has been closed
			}
		}

	}

}
