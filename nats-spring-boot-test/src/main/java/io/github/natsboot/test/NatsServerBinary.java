package io.github.natsboot.test;

import java.nio.file.Path;

import io.github.natsboot.launcher.NatsServerExecutableLocator;
import io.github.natsboot.launcher.NatsServerProcess;

/**
 * Finds the {@code nats-server} executable that {@link NatsServer} runs.
 *
 * <p>An explicitly configured location (a path given by the caller, the system property
 * {@value #EXECUTABLE_PROPERTY} or the environment variable {@value #EXECUTABLE_ENV}) is used as is
 * and must be executable; otherwise every directory on {@code PATH} is searched, then
 * {@code /usr/sbin}, {@code /usr/local/sbin}, {@code /usr/local/bin} and {@code /usr/bin} (Debian
 * installs the binary to {@code /usr/sbin}, which is not on every user's {@code PATH}). When
 * nothing is found, {@link NatsServer} runs the server in a container instead when
 * Testcontainers ({@code org.testcontainers:testcontainers}) is on the test class path and a
 * Docker engine runs on this Linux machine: the image is {@value #DEFAULT_IMAGE}, or the one named
 * by the system property {@value #IMAGE_PROPERTY} or the environment variable {@value #IMAGE_ENV}.
 * When neither works a {@link io.github.natsboot.launcher.NatsServerNotFoundException} (an
 * {@link IllegalStateException}) says how to install the server: tests never skip silently.
 *
 * @see NatsServerExecutableLocator
 */
public final class NatsServerBinary {

	/** System property that names the {@code nats-server} executable. */
	public static final String EXECUTABLE_PROPERTY = "nats.server.executable";

	/** Environment variable that names the {@code nats-server} executable. */
	public static final String EXECUTABLE_ENV = "NATS_SERVER_EXECUTABLE";

	/** System property that names the image run when no executable is found. */
	public static final String IMAGE_PROPERTY = "nats.server.image";

	/** Environment variable that names the image run when no executable is found. */
	public static final String IMAGE_ENV = "NATS_SERVER_IMAGE";

	/** The image run when no executable is found and no other image is named. */
	public static final String DEFAULT_IMAGE = NatsServerProcess.DEFAULT_CONTAINER_IMAGE;

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
		return locator(configured).locate();
	}

	static NatsServerExecutableLocator locator(Path configured) {
		return NatsServerExecutableLocator.create()
			.configured("the configured path", configured)
			.configured("system property " + EXECUTABLE_PROPERTY, System.getProperty(EXECUTABLE_PROPERTY))
			.configured("environment variable " + EXECUTABLE_ENV, System.getenv(EXECUTABLE_ENV))
			.configurationHint("set the system property '" + EXECUTABLE_PROPERTY + "' or the environment variable '"
					+ EXECUTABLE_ENV + "' to the path of the executable");
	}

	/**
	 * Returns the image run when no executable is found: the system property
	 * {@value #IMAGE_PROPERTY}, else the environment variable {@value #IMAGE_ENV}, else
	 * {@value #DEFAULT_IMAGE}.
	 * @return the image
	 */
	public static String containerImage() {
		String image = System.getProperty(IMAGE_PROPERTY);
		if (image == null || image.isBlank()) {
			image = System.getenv(IMAGE_ENV);
		}
		return (image != null && !image.isBlank()) ? image.trim() : DEFAULT_IMAGE;
	}

}
