package io.github.natsboot.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * How servers are run: the {@code nats-server} executable, or the same command in a container.
 */
interface ServerRuntime {

	/**
	 * Starts a run of the server without waiting until it is ready.
	 * @param launch what to run
	 * @return the new run
	 * @throws NatsServerLaunchException if it cannot be started
	 */
	ServerRun start(Launch launch);

	/**
	 * Tells whether servers run in containers rather than as local processes.
	 * @return {@code true} for containers
	 */
	boolean isContainer();

	/**
	 * Returns what a failure message adds about this runtime.
	 * @return a sentence that starts with a space, or an empty string
	 */
	String failureHint();

	/**
	 * What one run starts with: the {@code nats-server} arguments, the directories the server
	 * reads and writes, and the file its output is appended to.
	 * @param arguments the arguments, without the executable
	 * @param directories the work directory, then the store directory when it lies elsewhere
	 * @param logFile the log file
	 * @param reapOnJvmExit whether a JVM shutdown hook kills the run
	 */
	record Launch(List<String> arguments, List<Path> directories, Path logFile, boolean reapOnJvmExit) {

		public Launch {
			arguments = List.copyOf(arguments);
			directories = List.copyOf(directories);
		}

	}

}
