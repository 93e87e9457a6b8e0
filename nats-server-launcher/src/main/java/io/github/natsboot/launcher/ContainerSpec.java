package io.github.natsboot.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The container that runs one server: the image, the {@code nats-server} arguments (the image's
 * entry point is the server), host networking, every directory the server uses mounted at the same
 * path, and the user that owns the work directory, so that the generated configuration, the
 * 127.0.0.1 ports, the log file and the JetStream store are the same as for a local process.
 *
 * @param image the image
 * @param command the {@code nats-server} arguments
 * @param mounts directories mounted read-write at the same path
 * @param user {@code uid:gid} the server runs as
 */
record ContainerSpec(String image, List<String> command, List<Path> mounts, String user) {

	/** The Docker network mode: the server binds the host's 127.0.0.1. */
	static final String NETWORK_MODE = "host";

	ContainerSpec {
		command = List.copyOf(command);
		mounts = List.copyOf(mounts);
	}

	static ContainerSpec of(String image, ServerRuntime.Launch launch) {
		return new ContainerSpec(image, launch.arguments(), launch.directories(), ownerOf(launch.directories().get(0)));
	}

	static String ownerOf(Path directory) {
		try {
			return Files.getAttribute(directory, "unix:uid") + ":" + Files.getAttribute(directory, "unix:gid");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the owner of " + directory, ex);
		}
		catch (UnsupportedOperationException ex) {
			throw new NatsServerLaunchException("Cannot run nats-server in a container here: " + directory
					+ " has no unix owner; running it in a container needs Docker on Linux", ex);
		}
	}

}
