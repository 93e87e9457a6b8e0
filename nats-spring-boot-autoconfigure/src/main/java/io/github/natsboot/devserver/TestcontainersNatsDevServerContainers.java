package io.github.natsboot.devserver;

import io.github.natsboot.launcher.DockerEngine;

/**
 * {@link NatsDevServerContainers} through Testcontainers, when it is on the class path and a
 * Docker engine answers, as {@link DockerEngine} tells. Testcontainers types are only touched once it
 * is known to be present.
 */
final class TestcontainersNatsDevServerContainers implements NatsDevServerContainers {

	private final ClassLoader classLoader;

	TestcontainersNatsDevServerContainers(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public String unavailableReason() {
		return DockerEngine.unavailableReason(this.classLoader);
	}

	@Override
	public NatsDevServer start(NatsDevServerSettings settings) {
		return ContainerNatsDevServer.start(settings);
	}

}
