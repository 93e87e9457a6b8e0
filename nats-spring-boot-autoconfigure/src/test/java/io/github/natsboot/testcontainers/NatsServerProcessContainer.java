package io.github.natsboot.testcontainers;

import io.github.natsboot.test.NatsServer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Stands in for a container of the {@code nats} image without Docker: starting it runs a
 * local {@code nats-server} process with the container's command arguments, and its host
 * and mapped client port are that process's.
 */
class NatsServerProcessContainer extends GenericContainer<NatsServerProcessContainer> {

	private NatsServer server;

	NatsServerProcessContainer() {
		super(DockerImageName.parse("nats:2.10"));
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
		return "nats:2.10";
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
