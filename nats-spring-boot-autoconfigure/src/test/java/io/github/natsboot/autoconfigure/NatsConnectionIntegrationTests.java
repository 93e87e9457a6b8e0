package io.github.natsboot.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.test.NatsCluster;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured connection against real {@code nats-server} processes.
 * Certificates in {@code tls/} were made with openssl: a test CA signs the server
 * certificate (localhost, 127.0.0.1) and the client certificate; {@code other-ca.pem}
 * is an unrelated CA.
 */
@ExtendWith(OutputCaptureExtension.class)
class NatsConnectionIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("nats.connection-timeout=5s", "nats.drain-timeout=5s");

	@Test
	void connectsToAServerAndRoundTripsAMessage() {
		try (NatsServer server = NatsServer.builder().start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
				.run((context) -> assertRoundTrip(context.getBean(Connection.class)));
		}
	}

	@Test
	void authenticatesWithUserNameAndPassword(CapturedOutput output) {
		try (NatsServer server = NatsServer.builder()
			.config("authorization { user: alice, password: \"s3cret-pw\" }")
			.start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "nats.username=alice",
					"nats.password=s3cret-pw")
				.run((context) -> assertRoundTrip(context.getBean(Connection.class)));
		}
		assertThat(output).contains("Connected to NATS").doesNotContain("s3cret-pw");
	}

	@Test
	void wrongPasswordFailsStartupWithAnAnalysisNamingTheMethodButNotTheSecret(CapturedOutput output) {
		try (NatsServer server = NatsServer.builder()
			.config("authorization { user: alice, password: \"s3cret-pw\" }")
			.start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "nats.username=alice",
					"nats.password=wrong-pw")
				.run((context) -> {
					FailureAnalysis analysis = analyzeStartupFailure(context);
					assertThat(analysis.getDescription()).contains("rejected the connection")
						.contains("Authorization Violation")
						.contains("user name and password")
						.contains(server.getUrl())
						.doesNotContain("wrong-pw");
					assertThat(analysis.getAction()).contains("nats.username and nats.password");
				});
		}
		assertThat(output).doesNotContain("wrong-pw");
	}

	@Test
	void authenticatesWithAToken() {
		try (NatsServer server = NatsServer.builder().config("authorization { token: \"t0ken-42\" }").start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "nats.token=t0ken-42")
				.run((context) -> assertRoundTrip(context.getBean(Connection.class)));
		}
	}

	@Test
	void authenticatesWithAnNkey() throws Exception {
		NKey user = NKey.createUser(null);
		String config = "authorization { users: [ { nkey: " + new String(user.getPublicKey()) + " } ] }";
		try (NatsServer server = NatsServer.builder().config(config).start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.nkey=" + new String(user.getSeed()))
				.run((context) -> assertRoundTrip(context.getBean(Connection.class)));
		}
	}

	@Test
	void authenticatesWithACredentialsFileAgainstAServerInOperatorMode(@TempDir Path directory) throws Exception {
		TestOperator operator = TestOperator.create();
		Path trusted = operator.writeUserCredentials(directory, true);
		Path untrusted = operator.writeUserCredentials(directory, false);
		try (NatsServer server = NatsServer.builder().jetStream(false).config(operator.serverConfig()).start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.credentials=file:" + trusted)
				.run((context) -> assertRoundTrip(context.getBean(Connection.class)));
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.credentials=file:" + untrusted)
				.run((context) -> assertThat(analyzeStartupFailure(context).getDescription())
					.contains("credentials file"));
		}
	}

	@Test
	void connectsWithTlsThroughAnSslBundle() throws IOException {
		try (NatsServer server = NatsServer.builder().config(tlsConfig(false)).start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.ssl.bundle=nats",
						"spring.ssl.bundle.pem.nats.truststore.certificate=classpath:tls/ca.pem")
				.run((context) -> {
					Connection connection = context.getBean(Connection.class);
					assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
					assertRoundTrip(connection);
				});
		}
	}

	@Test
	void connectsWithMutualTlsThroughAnSslBundle() throws IOException {
		try (NatsServer server = NatsServer.builder().config(tlsConfig(true)).start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.ssl.bundle=nats",
						"spring.ssl.bundle.pem.nats.truststore.certificate=classpath:tls/ca.pem",
						"spring.ssl.bundle.pem.nats.keystore.certificate=classpath:tls/client.pem",
						"spring.ssl.bundle.pem.nats.keystore.private-key=classpath:tls/client-key.pem")
				.run((context) -> assertRoundTrip(context.getBean(Connection.class)));
		}
	}

	@Test
	void serverCertificateFromAnUnknownCaFailsStartupWithATlsAnalysis() throws IOException {
		try (NatsServer server = NatsServer.builder().config(tlsConfig(false)).start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.ssl.bundle=nats",
						"spring.ssl.bundle.pem.nats.truststore.certificate=classpath:tls/other-ca.pem")
				.run((context) -> {
					FailureAnalysis analysis = analyzeStartupFailure(context);
					assertThat(analysis.getDescription()).contains("TLS handshake").contains("SSL bundle 'nats'");
					assertThat(analysis.getAction()).contains("nats.ssl.bundle");
				});
		}
	}

	@Test
	void unreachableServerFailsStartupWithAnAnalysisNamingTheUrls() throws IOException {
		String url = "nats://127.0.0.1:" + freePort();
		this.contextRunner.withPropertyValues("nats.servers=" + url).run((context) -> {
			FailureAnalysis analysis = analyzeStartupFailure(context);
			assertThat(analysis.getDescription()).contains("No NATS server could be reached").contains(url);
			assertThat(analysis.getAction()).contains("nats.servers").contains("nats.fail-fast=false");
		});
	}

	@Test
	void withoutFailFastTheContextStartsWithoutAServerAndConnectsWhenOneAppears() throws IOException {
		int port = freePort();
		this.contextRunner
			.withPropertyValues("nats.servers=nats://127.0.0.1:" + port, "nats.fail-fast=false",
					"nats.reconnect.wait=200ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getStatus()).isNotEqualTo(Connection.Status.CONNECTED);
				CountDownLatch received = new CountDownLatch(1);
				Dispatcher dispatcher = connection.createDispatcher((message) -> received.countDown());
				dispatcher.subscribe("early.subscription");
				try (NatsServer server = NatsServer.builder().port(port).start()) {
					await().atMost(Duration.ofSeconds(15))
						.until(() -> connection.getStatus() == Connection.Status.CONNECTED);
					connection.flush(Duration.ofSeconds(2));
					connection.publish("early.subscription", new byte[0]);
					assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
					assertRoundTrip(connection);
				}
			});
	}

	@Test
	void reconnectsAfterTheServerIsKilledAndRestartedOnTheSamePort() {
		try (NatsServer server = NatsServer.builder().start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "nats.reconnect.wait=100ms")
				.run((context) -> {
					Connection connection = context.getBean(Connection.class);
					assertRoundTrip(connection);
					server.kill();
					await().atMost(Duration.ofSeconds(10))
						.until(() -> connection.getStatus() != Connection.Status.CONNECTED);
					server.restart();
					await().atMost(Duration.ofSeconds(15))
						.until(() -> connection.getStatus() == Connection.Status.CONNECTED);
					assertRoundTrip(connection);
				});
		}
	}

	@Test
	void failsOverToAnotherClusterNodeWhenTheConnectedNodeIsKilled() {
		try (NatsCluster cluster = NatsCluster.builder().nodes(3).start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + cluster.getUrls(), "nats.reconnect.wait=100ms")
				.run((context) -> {
					Connection connection = context.getBean(Connection.class);
					assertRoundTrip(connection);
					String connectedUrl = connection.getConnectedUrl();
					NatsServer connectedNode = cluster.getNodes()
						.stream()
						.filter((node) -> connectedUrl.endsWith(":" + node.getPort()))
						.findFirst()
						.orElseThrow();
					long statsBefore = connection.getStatistics().getReconnects();
					connectedNode.kill();
					await().atMost(Duration.ofSeconds(15))
						.until(() -> connection.getStatus() == Connection.Status.CONNECTED
								&& connection.getStatistics().getReconnects() > statsBefore);
					assertThat(connection.getConnectedUrl()).doesNotEndWith(":" + connectedNode.getPort());
					assertRoundTrip(connection);
				});
		}
	}

	@Test
	void closingTheContextDrainsMessagesAlreadyDeliveredToSubscriptions() {
		try (NatsServer server = NatsServer.builder().start()) {
			AtomicInteger handled = new AtomicInteger();
			int messages = 50;
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				Connection connection = context.getBean(Connection.class);
				Dispatcher dispatcher = connection.createDispatcher((message) -> {
					sleep(20);
					handled.incrementAndGet();
				});
				dispatcher.subscribe("drain.test");
				connection.flush(Duration.ofSeconds(2));
				for (int i = 0; i < messages; i++) {
					connection.publish("drain.test", new byte[] { (byte) i });
				}
				connection.flush(Duration.ofSeconds(2));
				await().atMost(Duration.ofSeconds(5)).until(() -> handled.get() > 0);
			});
			assertThat(handled).hasValue(messages);
		}
	}

	private static void assertRoundTrip(Connection connection) throws Exception {
		String subject = "roundtrip." + System.nanoTime();
		Subscription subscription = connection.subscribe(subject);
		connection.flush(Duration.ofSeconds(2));
		connection.publish(subject, "hello".getBytes(StandardCharsets.UTF_8));
		Message message = subscription.nextMessage(Duration.ofSeconds(5));
		assertThat(message).isNotNull();
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
		subscription.unsubscribe();
	}

	private static FailureAnalysis analyzeStartupFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new NatsConnectionFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	private static String tlsConfig(boolean verifyClients) throws IOException {
		return "tls {\n  cert_file: \"" + path("tls/server.pem") + "\"\n  key_file: \"" + path("tls/server-key.pem")
				+ "\"\n" + (verifyClients ? "  ca_file: \"" + path("tls/ca.pem") + "\"\n  verify: true\n" : "") + "}";
	}

	private static String path(String resource) throws IOException {
		return new ClassPathResource(resource).getFile().getAbsolutePath();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
