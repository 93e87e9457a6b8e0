package io.github.natsboot.launcher;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one server on its runtime, one run at a time: launches a run in place of the previous one
 * and stops, kills, pauses and resumes the current one. Its owner serializes the calls that change
 * the run.
 */
final class ServerRunner {

	private static final Logger logger = LoggerFactory.getLogger(NatsServerProcess.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final String name;

	private final ServerRuntime runtime;

	private final ServerRuntime.Launch launch;

	private final ServerLog log;

	private volatile ServerRun run;

	private long logOffsetAtLaunch;

	ServerRunner(ServerLayout layout, ServerRuntime runtime) {
		this.name = layout.name();
		this.runtime = runtime;
		this.launch = layout.launch();
		this.log = new ServerLog(layout.logFile());
	}

	ServerRuntime runtime() {
		return this.runtime;
	}

	/**
	 * Returns the current, or most recent, run.
	 * @return the run, or {@code null} before the first launch
	 */
	ServerRun current() {
		return this.run;
	}

	boolean isRunning() {
		ServerRun current = this.run;
		return current != null && current.isAlive();
	}

	boolean isPaused() {
		ServerRun current = this.run;
		return current != null && current.isPaused() && current.isAlive();
	}

	/**
	 * Starts a new run, killing the previous one first.
	 * @throws NatsServerLaunchException if it cannot be started
	 */
	void launch() {
		ServerRun previous = this.run;
		if (previous != null) {
			previous.kill(STOP_TIMEOUT);
		}
		this.logOffsetAtLaunch = this.log.size();
		this.run = this.runtime.start(this.launch);
	}

	/**
	 * Tells whether the server has logged, since the last launch, that a port was taken.
	 * @return {@code true} if the current run could not bind a port
	 */
	boolean failedToBind() {
		return this.log.since(this.logOffsetAtLaunch).contains("address already in use");
	}

	/**
	 * Returns the last lines of the log, across runs.
	 * @param lines how many lines at the most
	 * @return the lines
	 */
	String logTail(int lines) {
		return this.log.tail(lines);
	}

	/**
	 * Stops the current run gracefully, killing it if it has not exited within 10 seconds. Does
	 * nothing if it is not running.
	 */
	void stop() {
		ServerRun current = this.run;
		if (current == null || !current.isAlive()) {
			return;
		}
		if (!current.stop(STOP_TIMEOUT)) {
			logger.warn("nats-server {} did not stop within {}, killing it", this.name, STOP_TIMEOUT);
			current.kill(STOP_TIMEOUT);
		}
	}

	/**
	 * Kills the current run and waits until it has exited. Does nothing if it is not running.
	 */
	void kill() {
		ServerRun current = this.run;
		if (current != null) {
			current.kill(STOP_TIMEOUT);
		}
	}

	void pause() {
		requireRunning();
		this.run.pause();
	}

	void resume() {
		requireRunning();
		this.run.resume();
	}

	private void requireRunning() {
		if (!isRunning()) {
			throw new IllegalStateException("nats-server " + this.name + " is not running");
		}
	}

}
