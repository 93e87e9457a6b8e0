package io.github.natsboot.launcher;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a child process, paused and continued with SIGSTOP and SIGCONT.
 */
final class ProcessServerRun implements ServerRun {

	private final Process process;

	private volatile boolean paused;

	ProcessServerRun(Process process) {
		this.process = process;
	}

	@Override
	public boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public boolean isPaused() {
		return this.paused;
	}

	@Override
	public long pid() {
		return this.process.pid();
	}

	@Override
	public long exitCode() {
		return this.process.exitValue();
	}

	@Override
	public boolean stop(Duration timeout) {
		this.process.destroy();
		if (this.paused) {
			Signals.send(this.process.pid(), "CONT");
		}
		this.paused = false;
		return awaitExit(timeout);
	}

	@Override
	public void kill(Duration timeout) {
		this.process.destroyForcibly();
		this.paused = false;
		awaitExit(timeout);
	}

	@Override
	public void pause() {
		Signals.require(this.process.pid(), "STOP");
		Signals.awaitStopped(this.process.pid(), Duration.ofSeconds(1));
		this.paused = true;
	}

	@Override
	public void resume() {
		Signals.require(this.process.pid(), "CONT");
		this.paused = false;
	}

	private boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for nats-server to exit", ex);
		}
	}

}
