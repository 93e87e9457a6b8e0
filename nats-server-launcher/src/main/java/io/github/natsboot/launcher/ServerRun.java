package io.github.natsboot.launcher;

import java.time.Duration;

/**
 * One run of a server, from start to exit: a local process or a container. A restart is a new
 * run on the same ports.
 */
interface ServerRun {

	/**
	 * Tells whether the server is still running; a paused server is.
	 * @return {@code true} while the server has not exited
	 */
	boolean isAlive();

	/**
	 * Returns whether the run is paused.
	 * @return {@code true} between {@link #pause()} and {@link #resume()}
	 */
	boolean isPaused();

	/**
	 * Returns the host's process id of the server.
	 * @return the process id
	 */
	long pid();

	/**
	 * Returns the exit code of a run that has exited.
	 * @return the exit code
	 */
	long exitCode();

	/**
	 * Asks the server to stop (SIGTERM), continuing it first when paused, and waits.
	 * @param timeout how long to wait for it to exit
	 * @return {@code true} if it has exited
	 */
	boolean stop(Duration timeout);

	/**
	 * Kills the server (SIGKILL) if it is running, waits until it has exited and releases what the
	 * run holds. Safe to call on a run that has exited.
	 * @param timeout how long to wait for it to exit
	 */
	void kill(Duration timeout);

	/**
	 * Freezes the server: its connections stay open but nothing answers.
	 */
	void pause();

	/**
	 * Continues a paused server.
	 */
	void resume();

}
