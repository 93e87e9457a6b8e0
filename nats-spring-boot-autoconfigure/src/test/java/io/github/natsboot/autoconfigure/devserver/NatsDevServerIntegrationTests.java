package io.github.natsboot.autoconfigure.devserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsConnectionDetails;
import io.github.natsboot.core.NatsLifecyclePhases;
import io.github.natsboot.devserver.NatsDevServer;
import io.github.natsboot.launcher.FreePorts;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The dev server against the real {@code nats-server} executable.
 */
class NatsDevServerIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsDevServerAutoConfiguration.class, NatsAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("nats.drain-timeout=5s");

	@Test
	void devServerStartsWithTheApplicationAndTheConnectionUsesItsJetStream() {
		this.contextRunner.withPropertyValues("nats.dev-server.enabled=true").run((context) -> {
			NatsDevServer server = context.getBean(NatsDevServer.class);
			Connection connection = context.getBean(Connection.class);
			assertThat(server.isRunning()).isTrue();
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(connection.getConnectedUrl()).isEqualTo(server.getUrl());
			assertThat(URI.create(server.getUrl()).getPort()).isNotEqualTo(4222);
			JetStreamManagement management = connection.jetStreamManagement();
			management.addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>").build());
			connection.jetStream().publish("orders.created", "order-1".getBytes(StandardCharsets.UTF_8));
			assertThat(management.getStreamInfo("ORDERS").getStreamState().getMsgCount()).isOne();
		});
	}

	@Test
	void devServerStopsWithTheApplicationOnlyAfterTheConnectionHasDrained() {
		AtomicReference<NatsDevServer> server = new AtomicReference<>();
		this.contextRunner.withPropertyValues("nats.dev-server.enabled=true")
			.withUserConfiguration(ShutdownWitnessConfiguration.class)
			.run((context) -> {
				server.set(context.getBean(NatsDevServer.class));
				ShutdownWitness witness = context.getBean(ShutdownWitness.class);
				context.close();
				assertThat(witness.connectionStatus).isEqualTo(Connection.Status.CLOSED);
				assertThat(witness.serverRunning).isTrue();
			});
		assertThat(server.get().isRunning()).isFalse();
		int port = URI.create(server.get().getUrl()).getPort();
		assertThatNoException().isThrownBy(() -> bind(port));
	}

	@Test
	void configuredPortAndStoreDirAreUsedAndTheStoreKeepsStreamsAcrossRestarts(@TempDir Path storeDir) {
		int port = FreePorts.next();
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues("nats.dev-server.enabled=true",
				"nats.dev-server.port=" + port, "nats.dev-server.store-dir=" + storeDir);
		runner.run((context) -> {
			assertThat(context.getBean(NatsDevServer.class).getUrl()).isEqualTo("nats://127.0.0.1:" + port);
			Connection connection = context.getBean(Connection.class);
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder().name("AUDIT").subjects("audit.>").build());
			connection.jetStream().publish("audit.login", "alice".getBytes(StandardCharsets.UTF_8));
		});
		assertThat(storeDir.resolve("jetstream")).isDirectory();
		runner.run((context) -> assertThat(context.getBean(Connection.class)
			.jetStreamManagement()
			.getStreamInfo("AUDIT")
			.getStreamState()
			.getMsgCount()).isOne());
	}

	@Test
	void devServerIsOffByDefault() {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				assertThat(context).doesNotHaveBean(NatsDevServer.class);
				assertThat(context.getBean(Connection.class).getConnectedUrl()).isEqualTo(server.getUrl());
			});
		}
	}

	@Test
	void devServerBacksOffWhenServersAreSetExplicitly() {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			this.contextRunner.withPropertyValues("nats.dev-server.enabled=true", "nats.servers[0]=" + server.getUrl())
				.run((context) -> {
					assertThat(context).doesNotHaveBean(NatsDevServer.class);
					assertThat(context.getBean(Connection.class).getConnectedUrl()).isEqualTo(server.getUrl());
				});
		}
	}

	@Test
	void devServerBacksOffWhenAnotherBeanSaysWhereTheServerIs() {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			NatsConnectionDetails details = () -> List.of(server.getUrl());
			this.contextRunner.withPropertyValues("nats.dev-server.enabled=true")
				.withBean(NatsConnectionDetails.class, () -> details)
				.run((context) -> {
					assertThat(context).doesNotHaveBean(NatsDevServer.class);
					assertThat(context.getBean(Connection.class).getConnectedUrl()).isEqualTo(server.getUrl());
				});
		}
	}

	private static void bind(int port) throws IOException {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
			assertThat(socket.isBound()).isTrue();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ShutdownWitnessConfiguration {

		@Bean
		ShutdownWitness shutdownWitness(Connection connection, NatsDevServer server) {
			return new ShutdownWitness(connection, server);
		}

	}

	/**
	 * Stops right after the connection lifecycle and records what it sees then.
	 */
	static class ShutdownWitness implements SmartLifecycle {

		private final Connection connection;

		private final NatsDevServer server;

		private volatile boolean running;

		volatile Connection.Status connectionStatus;

		volatile boolean serverRunning;

		ShutdownWitness(Connection connection, NatsDevServer server) {
			this.connection = connection;
			this.server = server;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.connectionStatus = this.connection.getStatus();
			this.serverRunning = this.server.isRunning();
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return NatsLifecyclePhases.CONNECTION - 1;
		}

	}

}
