package io.github.natsboot.launcher;

import java.time.Duration;
import java.time.Instant;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import org.testcontainers.containers.GenericContainer;

/**
 * A server running in a container: stopped with {@code docker kill --signal TERM}, killed with
 * {@code docker kill}, paused with {@code docker pause} and continued with {@code docker unpause}.
 * The container is removed once it has exited through {@link #stop(Duration)} or
 * {@link #kill(Duration)}; a restart is a new container.
 */
final class ContainerServerRun implements ServerRun {

	private static final long POLL_MILLIS = 50;

	private final GenericContainer<?> container;

	private final DockerClient docker;

	private final String id;

	private final long pid;

	private volatile boolean paused;

	private volatile boolean removed;

	ContainerServerRun(GenericContainer<?> container) {
		this.container = container;
		this.docker = container.getDockerClient();
		this.id = container.getContainerId();
		this.pid = state().getPidLong();
	}

	@Override
	public boolean isAlive() {
		return !this.removed && Boolean.TRUE.equals(state().getRunning());
	}

	@Override
	public boolean isPaused() {
		return this.paused;
	}

	@Override
	public long pid() {
		return this.pid;
	}

	@Override
	public long exitCode() {
		return state().getExitCodeLong();
	}

	@Override
	public boolean stop(Duration timeout) {
		if (!isAlive()) {
			return true;
		}
		unpauseIfPaused();
		signal("TERM");
		boolean exited = awaitExit(timeout);
		if (exited) {
			remove();
		}
		return exited;
	}

	@Override
	public void kill(Duration timeout) {
		if (this.removed) {
			return;
		}
		if (isAlive()) {
			unpauseIfPaused();
			signal("KILL");
			awaitExit(timeout);
		}
		remove();
	}

	@Override
	public void pause() {
		this.docker.pauseContainerCmd(this.id).exec();
		this.paused = true;
	}

	@Override
	public void resume() {
		this.docker.unpauseContainerCmd(this.id).exec();
		this.paused = false;
	}

	private void unpauseIfPaused() {
		if (Boolean.TRUE.equals(state().getPaused())) {
			resume();
		}
		this.paused = false;
	}

	private void signal(String signal) {
		try {
			this.docker.killContainerCmd(this.id).withSignal(signal).exec();
		}
		catch (DockerException ex) {
			if (isAlive()) {
				throw ex;
			}
		}
	}

	private boolean awaitExit(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (isAlive()) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for container " + this.id + " to exit", ex);
			}
		}
		return true;
	}

	private void remove() {
		this.removed = true;
		this.container.stop();
	}

	private InspectContainerResponse.ContainerState state() {
		return this.docker.inspectContainerCmd(this.id).exec().getState();
	}

}
