package io.github.natsboot.launcher;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kills every server process still running when the JVM exits, and deletes their temporary
 * directories, so that an aborted test run leaves nothing behind. One shutdown hook serves all
 * servers.
 */
final class ProcessReaper {

	private static final Set<Process> processes = ConcurrentHashMap.newKeySet();

	private static final Set<Path> directories = ConcurrentHashMap.newKeySet();

	private static final AtomicBoolean hookRegistered = new AtomicBoolean();

	private ProcessReaper() {
	}

	static void track(Process process) {
		registerHook();
		processes.add(process);
		process.onExit().thenRun(() -> processes.remove(process));
	}

	static void deleteOnExit(Path directory) {
		registerHook();
		directories.add(directory);
	}

	static void forget(Path directory) {
		directories.remove(directory);
	}

	private static void registerHook() {
		if (hookRegistered.compareAndSet(false, true)) {
			Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::reap, "nats-server-reaper"));
		}
	}

	private static void reap() {
		for (Process process : processes) {
			process.destroyForcibly();
		}
		for (Process process : processes) {
			try {
				process.waitFor(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		directories.forEach(Directories::deleteRecursively);
	}

}
