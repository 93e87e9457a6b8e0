package io.github.natsboot.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs servers as child processes of the {@code nats-server} executable.
 */
final class ProcessServerRuntime implements ServerRuntime {

	private final Path executable;

	ProcessServerRuntime(Path executable) {
		this.executable = executable;
	}

	Path executable() {
		return this.executable;
	}

	@Override
	public ServerRun start(Launch launch) {
		List<String> command = command(launch);
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new NatsServerLaunchException("Could not run " + String.join(" ", command), ex);
		}
		if (launch.reapOnJvmExit()) {
			ProcessReaper.track(process);
		}
		return new ProcessServerRun(process);
	}

	List<String> command(Launch launch) {
		List<String> command = new ArrayList<>();
		command.add(this.executable.toString());
		command.addAll(launch.arguments());
		return command;
	}

	@Override
	public boolean isContainer() {
		return false;
	}

	@Override
	public String failureHint() {
		return "";
	}

	@Override
	public String toString() {
		return this.executable.toString();
	}

}
