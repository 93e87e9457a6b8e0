package io.github.natsboot.devserver;

import java.util.List;

import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@link NatsDevServer} that is a container started with Testcontainers, whose reaper removes
 * it when the JVM exits. Only loaded when Testcontainers is on the class path.
 */
final class ContainerNatsDevServer implements NatsDevServer {

	private static final int CLIENT_PORT = 4222;

	private static final String STORE_DIR = "/data";

	private final GenericContainer<?> container;

	private ContainerNatsDevServer(GenericContainer<?> container) {
		this.container = container;
	}

	static ContainerNatsDevServer start(NatsDevServerSettings settings) {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(settings.containerImage()))
			.withCommand("-js", "-sd", STORE_DIR)
			.withExposedPorts(CLIENT_PORT)
			.waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
		if (settings.port() > 0) {
			container.setPortBindings(List.of(settings.port() + ":" + CLIENT_PORT));
		}
		if (settings.storeDir() != null) {
			container.withFileSystemBind(settings.storeDir().toAbsolutePath().toString(), STORE_DIR,
					BindMode.READ_WRITE);
		}
		try {
			container.start();
		}
		catch (RuntimeException ex) {
			container.stop();
			throw new NatsDevServerException(NatsDevServerException.Reason.NOT_READY,
					"the " + settings.containerImage() + " container did not start: " + ex.getMessage(), ex);
		}
		return new ContainerNatsDevServer(container);
	}

	@Override
	public String getUrl() {
		return "nats://" + this.container.getHost() + ":" + this.container.getMappedPort(CLIENT_PORT);
	}

	@Override
	public boolean isRunning() {
		return this.container.isRunning();
	}

	@Override
	public void close() {
		this.container.stop();
	}

	@Override
	public String toString() {
		return this.container.getDockerImageName() + " container " + this.container.getContainerId();
	}

}
