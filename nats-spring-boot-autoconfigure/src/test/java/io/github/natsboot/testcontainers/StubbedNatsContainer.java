package io.github.natsboot.testcontainers;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A container of the {@code nats} image whose host and mapped port are given, so that
 * connection details can be read from it without Docker.
 */
class StubbedNatsContainer extends GenericContainer<StubbedNatsContainer> {

	private final String host;

	private final int mappedPort;

	StubbedNatsContainer(String host, int mappedPort) {
		super(DockerImageName.parse("nats:2.10"));
		this.host = host;
		this.mappedPort = mappedPort;
	}

	@Override
	public void start() {
	}

	@Override
	public String getDockerImageName() {
		return "nats:2.10";
	}

	@Override
	public String getHost() {
		return this.host;
	}

	@Override
	public Integer getMappedPort(int originalPort) {
		if (originalPort != NatsContainerConnectionDetailsFactory.CLIENT_PORT) {
			throw new IllegalArgumentException("Port " + originalPort + " is not mapped");
		}
		return this.mappedPort;
	}

}
