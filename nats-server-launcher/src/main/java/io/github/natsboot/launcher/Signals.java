package io.github.natsboot.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Sends POSIX signals that {@link Process} has no method for, through the {@code kill} command,
 * and on Linux waits until a stop signal has taken effect.
 */
final class Signals {

	private Signals() {
	}

	static boolean send(long pid, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
				.start();
			if (!kill.waitFor(5, TimeUnit.SECONDS)) {
				kill.destroyForcibly();
				return false;
			}
			kill.getInputStream().readAllBytes();
			return kill.exitValue() == 0;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run 'kill -" + signal + " " + pid + "'", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending SIG" + signal + " to " + pid, ex);
		}
	}

	static void require(long pid, String signal) {
		if (!send(pid, signal)) {
			throw new IllegalStateException("Could not send SIG" + signal + " to process " + pid);
		}
	}

	/**
	 * Waits until every thread of the process is stopped. {@code kill} returns once SIGSTOP is
	 * queued, while a thread of the server may still answer one more request; on systems without
	 * {@code /proc} this returns at once.
	 */
	static void awaitStopped(long pid, Duration timeout) {
		Path tasks = Path.of("/proc", Long.toString(pid), "task");
		if (!Files.isDirectory(tasks)) {
			return;
		}
		Instant deadline = Instant.now().plus(timeout);
		while (!allStopped(tasks) && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for process " + pid + " to stop", ex);
			}
		}
	}

	private static boolean allStopped(Path tasks) {
		try (Stream<Path> threads = Files.list(tasks)) {
			List<Path> all = threads.toList();
			return !all.isEmpty() && all.stream().allMatch(Signals::isStopped);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isStopped(Path task) {
		try {
			String stat = Files.readString(task.resolve("stat"));
			char state = stat.charAt(stat.lastIndexOf(')') + 2);
			return state == 'T' || state == 't';
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

}
