package io.github.natsboot.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code nats-server} executable that {@link NatsServer} runs.
 *
 * <p>An explicitly configured location (a path given by the caller, the system property
 * {@value #EXECUTABLE_PROPERTY} or the environment variable {@value #EXECUTABLE_ENV}) is used as is
 * and must be executable; otherwise every directory on {@code PATH} is searched, then
 * {@code /usr/sbin}, {@code /usr/local/sbin}, {@code /usr/local/bin} and {@code /usr/bin} (Debian
 * installs the binary to {@code /usr/sbin}, which is not on every user's {@code PATH}). When
 * nothing is found an {@link IllegalStateException} says how to install the server: tests never
 * skip silently.
 */
public final class NatsServerBinary {

	/** System property that names the {@code nats-server} executable. */
	public static final String EXECUTABLE_PROPERTY = "nats.server.executable";

	/** Environment variable that names the {@code nats-server} executable. */
	public static final String EXECUTABLE_ENV = "NATS_SERVER_EXECUTABLE";

	private static final String EXECUTABLE_NAME = "nats-server";

	private static final List<Path> WELL_KNOWN_DIRECTORIES = List.of(Path.of("/usr/sbin"),
			Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"), Path.of("/usr/bin"));

	private NatsServerBinary() {
	}

	/**
	 * Finds the executable from the system property, the environment variable, {@code PATH} or the
	 * well-known directories, in that order.
	 * @return the path of an executable {@code nats-server}
	 * @throws IllegalStateException if no executable is found, with installation instructions
	 */
	public static Path locate() {
		return locate(null);
	}

	/**
	 * Finds the executable, trying {@code configured} first. A configured path may name the
	 * executable or a directory that contains it; when it does not lead to an executable this
	 * method fails instead of falling back to another binary.
	 * @param configured the configured executable or directory, or {@code null} to search
	 * @return the path of an executable {@code nats-server}
	 * @throws IllegalStateException if no executable is found, with installation instructions
	 */
	public static Path locate(Path configured) {
		if (configured != null) {
			return requireExecutable(configured, "the configured path " + configured);
		}
		String property = System.getProperty(EXECUTABLE_PROPERTY);
		if (hasText(property)) {
			return requireExecutable(Path.of(property.trim()),
					"system property " + EXECUTABLE_PROPERTY + "=" + property);
		}
		String environment = System.getenv(EXECUTABLE_ENV);
		if (hasText(environment)) {
			return requireExecutable(Path.of(environment.trim()),
					"environment variable " + EXECUTABLE_ENV + "=" + environment);
		}
		List<Path> directories = searchDirectories();
		return directories.stream()
			.map((directory) -> directory.resolve(EXECUTABLE_NAME))
			.filter(NatsServerBinary::isExecutableFile)
			.findFirst()
			.orElseThrow(() -> notFound("looked on PATH and in " + WELL_KNOWN_DIRECTORIES));
	}

	private static Path requireExecutable(Path candidate, String source) {
		Path executable = Files.isDirectory(candidate) ? candidate.resolve(EXECUTABLE_NAME) : candidate;
		if (!isExecutableFile(executable)) {
			throw notFound(source + " is not an executable file");
		}
		return executable.toAbsolutePath();
	}

	private static List<Path> searchDirectories() {
		List<Path> directories = new ArrayList<>();
		String path = System.getenv("PATH");
		if (hasText(path)) {
			for (String entry : path.split(File.pathSeparator)) {
				if (!entry.isBlank()) {
					directories.add(Path.of(entry));
				}
			}
		}
		directories.addAll(WELL_KNOWN_DIRECTORIES);
		return directories;
	}

	private static boolean isExecutableFile(Path path) {
		return Files.isRegularFile(path) && Files.isExecutable(path);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static IllegalStateException notFound(String reason) {
		return new IllegalStateException("No nats-server executable found (" + reason + "). "
				+ "Install it with 'sudo apt-get install nats-server' on Debian/Ubuntu (it installs "
				+ "/usr/sbin/nats-server), or set the system property '" + EXECUTABLE_PROPERTY
				+ "' or the environment variable '" + EXECUTABLE_ENV + "' to the path of the executable.");
	}

}
