package io.github.natsboot.testcontainers;

import java.time.Duration;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsConnectionDetails;
import io.github.natsboot.autoconfigure.PropertiesNatsConnectionDetails;
import io.nats.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} NATS container configures the connection, in place of the
 * {@code nats.*} properties, through the real Spring Boot Testcontainers support; the
 * container is a local {@code nats-server} process standing in for Docker.
 */
@SpringBootTest(classes = NatsServiceConnectionIntegrationTests.Config.class,
		properties = "nats.servers=nats://127.0.0.1:1")
class NatsServiceConnectionIntegrationTests {

	@ServiceConnection
	static final NatsServerProcessContainer nats = new NatsServerProcessContainer().withCommand("--user", "demo",
			"--pass", "s3cret");

	@Autowired
	private Connection connection;

	@Autowired
	private NatsConnectionDetails connectionDetails;

	@AfterAll
	static void stopServer() {
		nats.stop();
	}

	@Test
	void connectionGoesToTheContainerWithTheCredentialsOfItsCommand() throws Exception {
		assertThat(this.connectionDetails).isNotInstanceOf(PropertiesNatsConnectionDetails.class);
		assertThat(this.connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(this.connection.getConnectedUrl()).endsWith(":" + nats.getMappedPort(4222));
		this.connection.flush(Duration.ofSeconds(5));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(NatsAutoConfiguration.class)
	static class Config {

	}

}
