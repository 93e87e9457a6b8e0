package io.github.natsboot.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the {@code nats-server} executable.
 *
 * <p>Configured locations are tried first, in the order they were added, and the first one that
 * is set is used as is: when it does not lead to an executable the lookup fails instead of falling
 * back to another binary. When none is set, every directory on {@code PATH} is searched, then
 * {@code /usr/sbin}, {@code /usr/local/sbin}, {@code /usr/local/bin} and {@code /usr/bin} (Debian
 * installs the binary to {@code /usr/sbin}, which is not on every user's {@code PATH}). When
 * nothing is found a {@link NatsServerNotFoundException} says how to install the server and how
 * to point the caller at it.
 *
 * <pre class="code">
 * Path executable = NatsServerExecutableLocator.create()
 *     .configured("nats.dev-server.executable", properties.getExecutable())
 *     .configurationHint("set nats.dev-server.executable to the path of the executable")
 *     .locate();
 * </pre>
 */
public final class NatsServerExecutableLocator {

	/** File name of the executable. */
	public static final String EXECUTABLE_NAME = "nats-server";

	/** Directories searched after {@code PATH}. */
	public static final List<Path> WELL_KNOWN_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"),
			Path.of("/usr/local/bin"), Path.of("/usr/bin"));

	private final List<Configured> configured = new ArrayList<>();

	private String searchPath = System.getenv("PATH");

	private List<Path> wellKnownDirectories = WELL_KNOWN_DIRECTORIES;

	private String configurationHint = "pass the path of the executable";

	private NatsServerExecutableLocator() {
	}

	/**
	 * Returns a locator that searches {@code PATH} and the {@linkplain #WELL_KNOWN_DIRECTORIES
	 * well-known directories}.
	 * @return a new locator
	 */
	public static NatsServerExecutableLocator create() {
		return new NatsServerExecutableLocator();
	}

	/**
	 * Adds a configured location, tried before the search. A {@code null} or blank value is
	 * skipped; a set one must name the executable or a directory that contains it.
	 * @param source where the value comes from, for messages (for example
	 * {@code "system property nats.server.executable"})
	 * @param value the configured path, or {@code null}
	 * @return this locator
	 */
	public NatsServerExecutableLocator configured(String source, String value) {
		this.configured.add(new Configured(Objects.requireNonNull(source, "source"), value));
		return this;
	}

	/**
	 * Adds a configured location, tried before the search.
	 * @param source where the value comes from, for messages
	 * @param value the configured path, or {@code null}
	 * @return this locator
	 * @see #configured(String, String)
	 */
	public NatsServerExecutableLocator configured(String source, Path value) {
		return configured(source, (value != null) ? value.toString() : null);
	}

	/**
	 * Replaces the directories searched when no location is configured.
	 * @param searchPath a {@code PATH}-style list of directories, or {@code null} for none
	 * (default: the {@code PATH} environment variable)
	 * @param wellKnownDirectories directories searched after it (default
	 * {@link #WELL_KNOWN_DIRECTORIES})
	 * @return this locator
	 */
	public NatsServerExecutableLocator searchIn(String searchPath, List<Path> wellKnownDirectories) {
		this.searchPath = searchPath;
		this.wellKnownDirectories = List.copyOf(wellKnownDirectories);
		return this;
	}

	/**
	 * Sets the sentence fragment that tells the user how to point the caller at an executable; it
	 * ends the failure message after the installation instructions.
	 * @param configurationHint for example {@code "set nats.dev-server.executable to the path of
	 * the executable"}
	 * @return this locator
	 */
	public NatsServerExecutableLocator configurationHint(String configurationHint) {
		this.configurationHint = Objects.requireNonNull(configurationHint, "configurationHint");
		return this;
	}

	/**
	 * Tells whether a location is configured, in which case {@link #locate()} never searches.
	 * @return {@code true} if one of the configured values is set
	 */
	public boolean isConfigured() {
		return this.configured.stream().anyMatch(Configured::isSet);
	}

	/**
	 * Finds the executable.
	 * @return the absolute path of an executable {@code nats-server}
	 * @throws NatsServerNotFoundException if no executable is found, with installation
	 * instructions
	 */
	public Path locate() {
		for (Configured candidate : this.configured) {
			if (candidate.isSet()) {
				return requireExecutable(Path.of(candidate.value().trim()),
						candidate.source() + "=" + candidate.value());
			}
		}
		List<Path> directories = searchDirectories();
		return directories.stream()
			.map((directory) -> directory.resolve(EXECUTABLE_NAME))
			.filter(NatsServerExecutableLocator::isExecutableFile)
			.map(Path::toAbsolutePath)
			.findFirst()
			.orElseThrow(() -> notFound("looked on PATH and in " + this.wellKnownDirectories, false));
	}

	private Path requireExecutable(Path candidate, String source) {
		Path executable = Files.isDirectory(candidate) ? candidate.resolve(EXECUTABLE_NAME) : candidate;
		if (!isExecutableFile(executable)) {
			throw notFound(source + " is not an executable file", true);
		}
		return executable.toAbsolutePath();
	}

	private List<Path> searchDirectories() {
		List<Path> directories = new ArrayList<>();
		if (this.searchPath != null) {
			for (String entry : this.searchPath.split(File.pathSeparator)) {
				if (!entry.isBlank()) {
					directories.add(Path.of(entry));
				}
			}
		}
		directories.addAll(this.wellKnownDirectories);
		return directories;
	}

	private static boolean isExecutableFile(Path path) {
		return Files.isRegularFile(path) && Files.isExecutable(path);
	}

	private NatsServerNotFoundException notFound(String reason, boolean configured) {
		return new NatsServerNotFoundException(reason, configured, this.configurationHint);
	}

	private record Configured(String source, String value) {

		boolean isSet() {
			return this.value != null && !this.value.isBlank();
		}

	}

}
