package io.github.natsboot.testcontainers;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code nats} container annotated {@code @ServiceConnection}; skipped where no
 * Docker daemon runs ({@link NatsServiceConnectionIntegrationTests} covers the same path
 * with a local server process).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = NatsContainerIntegrationTests.Config.class, properties = "nats.servers=nats://127.0.0.1:1")
class NatsContainerIntegrationTests {

	@Container
	@ServiceConnection
	static final GenericContainer<?> nats = new GenericContainer<>("nats:2.10-alpine")
		.withExposedPorts(NatsContainerConnectionDetailsFactory.CLIENT_PORT)
		.withCommand("--user", "demo", "--pass", "s3cret");

	@Autowired
	private Connection connection;

	@Test
	void connectionGoesToTheContainer() throws Exception {
		assertThat(this.connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(this.connection.getConnectedUrl())
			.endsWith(":" + nats.getMappedPort(NatsContainerConnectionDetailsFactory.CLIENT_PORT));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(NatsAutoConfiguration.class)
	static class Config {

	}

}
