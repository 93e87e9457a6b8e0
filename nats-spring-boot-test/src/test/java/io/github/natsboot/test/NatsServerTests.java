package io.github.natsboot.test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class NatsServerTests {

	@Test
	void startedServerDeliversAPublishedMessageToASubscriber() throws Exception {
		try (NatsServer server = NatsServer.builder().jetStream(false).start();
				Connection connection = Nats.connect(server.getUrl())) {
			Subscription subscription = connection.subscribe("greetings");
			connection.publish("greetings", bytes("hello"));
			Message message = subscription.nextMessage(Duration.ofSeconds(5));
			assertThat(message).isNotNull();
			assertThat(text(message.getData())).isEqualTo("hello");
			assertThat(server.getUrl()).isEqualTo("nats://127.0.0.1:" + server.getPort());
			assertThat(server.getMonitorPort()).isNotEqualTo(server.getPort());
		}
	}

	@Test
	void serverRestartedAfterKillAcceptsConnectionsOnTheSamePort() throws Exception {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			int port = server.getPort();
			long pid = server.getPid();
			server.kill();
			assertThat(server.isRunning()).isFalse();
			server.restart();
			assertThat(server.isRunning()).isTrue();
			assertThat(server.getPort()).isEqualTo(port);
			assertThat(server.getPid()).isNotEqualTo(pid);
			try (Connection connection = Nats.connect(server.getUrl())) {
				assertThatNoException().isThrownBy(() -> connection.flush(Duration.ofSeconds(5)));
			}
		}
	}

	@Test
	void jetStreamMessageSurvivesKillAndRestartInTheServersOwnStore() throws Exception {
		try (NatsServer server = NatsServer.builder().start(); NatsServer other = NatsServer.builder().start()) {
			assertThat(server.getStoreDir()).isNotEqualTo(other.getStoreDir());
			try (Connection connection = Nats.connect(server.getUrl())) {
				connection.jetStreamManagement()
					.addStream(StreamConfiguration.builder()
						.name("ORDERS")
						.subjects("orders.>")
						.storageType(StorageType.File)
						.build());
				connection.jetStream().publish("orders.created", bytes("order-1"));
			}
			server.kill();
			server.restart();
			try (Connection connection = Nats.connect(server.getUrl())) {
				JetStreamManagement management = connection.jetStreamManagement();
				assertThat(management.getStreamInfo("ORDERS").getStreamState().getMsgCount()).isEqualTo(1);
				assertThat(text(management.getMessage("ORDERS", 1).getData())).isEqualTo("order-1");
			}
			try (Connection connection = Nats.connect(other.getUrl())) {
				assertThat(connection.jetStreamManagement().getStreamNames()).isEmpty();
			}
			assertThat(server.getStoreDir().resolve("jetstream")).isDirectory();
		}
	}

	@Test
	void pausedServerLetsAFlushTimeOutAndResumedServerAnswersAgain() throws Exception {
		try (NatsServer server = NatsServer.builder().jetStream(false).start();
				Connection connection = Nats.connect(server.getUrl())) {
			server.pause();
			assertThat(server.isPaused()).isTrue();
			assertThat(server.isRunning()).isTrue();
			assertThatExceptionOfType(TimeoutException.class)
				.isThrownBy(() -> connection.flush(Duration.ofMillis(500)));
			server.resume();
			assertThat(server.isPaused()).isFalse();
			assertThatNoException().isThrownBy(() -> connection.flush(Duration.ofSeconds(5)));
		}
	}

	@Test
	void pausedServerStopsWhenClosed() {
		NatsServer server = NatsServer.builder().jetStream(false).start();
		server.pause();
		server.close();
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void stoppedServerIsNotRunningAndCloseDeletesItsTemporaryFiles() {
		NatsServer server = NatsServer.builder().start();
		Path log = server.getLogFile();
		Path store = server.getStoreDir();
		assertThat(log).isRegularFile();
		assertThat(store).isDirectory();
		server.stop();
		assertThat(server.isRunning()).isFalse();
		server.close();
		assertThat(log).doesNotExist();
		assertThat(store).doesNotExist();
	}

	@Test
	void storeDirGivenByTheTestIsKeptOnClose(@TempDir Path storeDir) {
		try (NatsServer server = NatsServer.builder().storeDir(storeDir).start()) {
			assertThat(server.getStoreDir()).isEqualTo(storeDir);
		}
		assertThat(storeDir.resolve("jetstream")).isDirectory();
	}

	@Test
	void configSnippetsAreAppendedToTheServerConfiguration() throws Exception {
		try (NatsServer server = NatsServer.builder()
			.jetStream(false)
			.config("authorization {\n  user: alice\n  password: s3cret\n}")
			.start()) {
			Options anonymous = Options.builder()
				.server(server.getUrl())
				.connectionTimeout(Duration.ofMillis(500))
				.build();
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> Nats.connect(anonymous).close());
			Options options = Options.builder().server(server.getUrl()).userInfo("alice", "s3cret").build();
			try (Connection connection = Nats.connect(options)) {
				assertThatNoException().isThrownBy(() -> connection.flush(Duration.ofSeconds(5)));
			}
		}
	}

	@Test
	void serverThatCannotStartReportsTheTailOfItsLog() {
		assertThatExceptionOfType(NatsServerStartupException.class)
			.isThrownBy(() -> NatsServer.builder().config("no_such_option: 1").start())
			.withMessageContaining("exited")
			.withMessageContaining("unknown field \"no_such_option\"");
	}

	@Test
	void serverOnAPortThatStaysTakenFailsWithTheBindErrorOnceTheStartupTimeoutPasses() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			assertThatExceptionOfType(NatsServerStartupException.class)
				.isThrownBy(() -> NatsServer.builder()
					.jetStream(false)
					.port(taken.getLocalPort())
					.startupTimeout(Duration.ofSeconds(1))
					.start())
				.withMessageContaining("address already in use");
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
