package io.github.natsboot.devserver;

import org.springframework.util.ClassUtils;

/**
 * {@link NatsDevServerContainers} through Testcontainers, when it is on the class path and a
 * Docker engine answers. Testcontainers types are only touched once it is known to be present.
 */
final class TestcontainersNatsDevServerContainers implements NatsDevServerContainers {

	static final String DOCKER_CLIENT_FACTORY = "org.testcontainers.DockerClientFactory";

	private final ClassLoader classLoader;

	TestcontainersNatsDevServerContainers(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public String unavailableReason() {
		if (!ClassUtils.isPresent(DOCKER_CLIENT_FACTORY, this.classLoader)) {
			return "Testcontainers (org.testcontainers:testcontainers) is not on the class path";
		}
		return ContainerNatsDevServer.isDockerAvailable() ? null : "Testcontainers found no running Docker engine";
	}

	@Override
	public NatsDevServer start(NatsDevServerSettings settings) {
		return ContainerNatsDevServer.start(settings);
	}

}
