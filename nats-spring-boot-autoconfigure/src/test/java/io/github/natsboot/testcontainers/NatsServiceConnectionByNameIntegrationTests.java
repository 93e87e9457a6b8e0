package io.github.natsboot.testcontainers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsConnectionDetails;
import io.github.natsboot.autoconfigure.PropertiesNatsConnectionDetails;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ServiceConnection(name = "nats")} makes a container whose image is not named
 * {@code nats} (a company image of {@code nats-server}) the NATS connection, through the
 * real Spring Boot Testcontainers support; the container is a local {@code nats-server}
 * process standing in for Docker.
 */
@SpringBootTest(classes = NatsServiceConnectionByNameIntegrationTests.Config.class,
		properties = "nats.servers=nats://127.0.0.1:1")
class NatsServiceConnectionByNameIntegrationTests {

	static final String IMAGE = "example.org/platform/messaging:1.0";

	@ServiceConnection(name = "nats")
	static final NatsServerProcessContainer messaging = new NatsServerProcessContainer(IMAGE).withCommand("--user",
			"platform", "--pass", "s3cret");

	@Autowired
	private Connection connection;

	@Autowired
	private NatsConnectionDetails connectionDetails;

	@AfterAll
	static void stopServer() {
		messaging.stop();
	}

	@Test
	void aContainerOfAnotherImageNamedNatsIsTheNatsConnection() throws Exception {
		assertThat(messaging.getDockerImageName()).isEqualTo(IMAGE);
		assertThat(this.connectionDetails).isNotInstanceOf(PropertiesNatsConnectionDetails.class);
		assertThat(this.connectionDetails.getServers())
			.containsExactly("nats://127.0.0.1:" + messaging.getMappedPort(NatsContainerConnectionDetailsFactory.CLIENT_PORT));
		assertThat(this.connectionDetails.getUsername()).isEqualTo("platform");
		assertThat(this.connectionDetails.getPassword()).isEqualTo("s3cret");
		assertThat(this.connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(this.connection.getConnectedUrl())
			.endsWith(":" + messaging.getMappedPort(NatsContainerConnectionDetailsFactory.CLIENT_PORT));
		Subscription subscription = this.connection.subscribe("by-name");
		this.connection.publish("by-name", "hello".getBytes(StandardCharsets.UTF_8));
		Message message = subscription.nextMessage(Duration.ofSeconds(5));
		assertThat(message).isNotNull();
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(NatsAutoConfiguration.class)
	static class Config {

	}

}
