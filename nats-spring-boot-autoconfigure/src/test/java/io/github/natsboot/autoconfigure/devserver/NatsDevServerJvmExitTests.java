package io.github.natsboot.autoconfigure.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops an application that runs on the dev server as Ctrl-C would (SIGTERM to its JVM).
 */
class NatsDevServerJvmExitTests {

	@TempDir
	Path temp;

	@Test
	void sigtermToTheApplicationDrainsTheConnectionThenStopsTheServerAndLeavesNoProcessBehind() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path log = this.temp.resolve("application.log");
		Process application = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				DevServerApplication.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(120))
				.until(() -> !application.isAlive() || startedLine(log).isPresent());
			assertThat(application.isAlive()).as("application running; output:%n%s", output(log)).isTrue();
			long serverPid = Long
				.parseLong(startedLine(log).orElseThrow().substring(DevServerApplication.STARTED.length()).trim());
			ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();

			application.destroy();

			assertThat(application.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(output(log)).contains(DevServerApplication.AFTER_DRAIN + "connection CLOSED, server running true");
			await().atMost(Duration.ofSeconds(10)).until(() -> !server.isAlive());
		}
		finally {
			application.destroyForcibly();
		}
	}

	private static Optional<String> startedLine(Path log) throws IOException {
		return output(log).lines().filter((line) -> line.startsWith(DevServerApplication.STARTED)).findFirst();
	}

	private static String output(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log) : "";
	}

}
