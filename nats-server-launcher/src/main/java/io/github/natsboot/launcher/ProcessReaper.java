package io.github.natsboot.launcher;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kills every server process still running when the JVM exits, and deletes their temporary
 * directories, so that an aborted test run leaves nothing behind. One shutdown hook serves all
 * servers. Shutdown hooks run concurrently: the hook first gives the others (such as Spring's,
 * closing cached test contexts that drain their connections and then stop their servers) a
 * grace period to stop the servers they own, and kills what is left after it.
 */
final class ProcessReaper {

	private static final long GRACE_MILLIS = 10_000;

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
		long deadline = System.currentTimeMillis() + GRACE_MILLIS;
		for (Process process : processes) {
			try {
				process.waitFor(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
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
