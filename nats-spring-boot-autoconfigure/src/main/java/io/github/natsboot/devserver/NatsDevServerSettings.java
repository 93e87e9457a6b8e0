package io.github.natsboot.devserver;

import java.nio.file.Path;

/**
 * How to start a {@link NatsDevServer}.
 *
 * @param executable the {@code nats-server} executable or the directory that holds it, or
 * {@code null} to search {@code PATH} and the well-known directories
 * @param port the client port, or {@code 0} for a free one
 * @param storeDir the JetStream store directory, kept on close, or {@code null} for a temporary
 * one deleted on close
 * @param containerImage the image a container runs when no executable is found
 */
public record NatsDevServerSettings(String executable, int port, Path storeDir, String containerImage) {

	/**
	 * Checks the settings.
	 * @param executable the executable, or {@code null}
	 * @param port the client port, from {@code 0} to {@code 65535}
	 * @param storeDir the store directory, or {@code null}
	 * @param containerImage the container image
	 */
	public NatsDevServerSettings {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Invalid dev server port " + port);
		}
	}

}
