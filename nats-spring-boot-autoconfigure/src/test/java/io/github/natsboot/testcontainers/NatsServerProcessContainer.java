package io.github.natsboot.testcontainers;

import io.github.natsboot.test.NatsServer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Stands in for a container running {@code nats-server} without Docker: starting it runs
 * a local {@code nats-server} process with the container's command arguments, and its
 * host and mapped client port are that process's. The image name is only what the
 * container reports, {@code nats:2.10} unless given.
 */
class NatsServerProcessContainer extends GenericContainer<NatsServerProcessContainer> {

	private final String imageName;

	private NatsServer server;

	NatsServerProcessContainer() {
		this("nats:2.10");
	}

	NatsServerProcessContainer(String imageName) {
		super(DockerImageName.parse(imageName));
		this.imageName = imageName;
		withExposedPorts(NatsContainerConnectionDetailsFactory.CLIENT_PORT);
	}

	@Override
	public synchronized void start() {
		if (this.server == null) {
			this.server = NatsServer.builder().jetStream(false).arg(getCommandParts()).start();
		}
	}

	@Override
	public synchronized void stop() {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
	}

	@Override
	public String getDockerImageName() {
		return this.imageName;
	}

	@Override
	public String getHost() {
		return "127.0.0.1";
	}

	@Override
	public synchronized Integer getMappedPort(int originalPort) {
		if (originalPort != NatsContainerConnectionDetailsFactory.CLIENT_PORT || this.server == null) {
			throw new IllegalStateException("Port " + originalPort + " is not mapped");
		}
		return this.server.getPort();
	}

}
