package io.github.natsboot.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsConnectionDetails;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.PemTrustStore;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.Ssl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} container whose {@code nats-server} requires TLS, with
 * Spring Boot's {@code @Ssl} and {@code @PemTrustStore} next to it: the connection URL is
 * {@code tls://}, the handshake verifies the server's certificate against the CA of the
 * trust store, and a trust store of another CA fails the handshake and startup. Runs
 * through the real Spring Boot Testcontainers support, for a container field and for a
 * container bean; the container is a local {@code nats-server} process standing in for
 * Docker, started with {@code --tls --tlscert --tlskey} and the certificates in
 * {@code tls/} ({@code server.pem} for localhost and 127.0.0.1, signed by {@code ca.pem};
 * {@code other-ca.pem} is an unrelated CA).
 */
@SpringBootTest(classes = NatsServiceConnectionSslIntegrationTests.Config.class,
		properties = { "nats.servers=nats://127.0.0.1:1", "nats.connection-timeout=5s" })
class NatsServiceConnectionSslIntegrationTests {

	@ServiceConnection
	@Ssl
	@PemTrustStore("classpath:tls/ca.pem")
	static final NatsServerProcessContainer nats = tlsServer(new NatsServerProcessContainer());

	@Autowired
	private Connection connection;

	@Autowired
	private NatsConnectionDetails connectionDetails;

	@AfterAll
	static void stopServer() {
		nats.stop();
	}

	@Test
	void theSslBundleOfTheContainerFieldMakesATlsConnectionThatVerifiesTheCa() throws Exception {
		String hostAndPort = "127.0.0.1:" + nats.getMappedPort(NatsContainerConnectionDetailsFactory.CLIENT_PORT);
		assertThat(this.connectionDetails.getSslBundle()).isNotNull();
		assertThat(this.connectionDetails.getServers()).containsExactly("tls://" + hostAndPort);
		assertThat(this.connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(this.connection.getConnectedUrl()).isEqualTo("tls://" + hostAndPort);
		assertThat(this.connection.getServerInfo().isTLSRequired()).isTrue();
		assertRoundTrip(this.connection);
	}

	@Test
	void aContainerBeanWithItsSslBundleConnectsOverTls() {
		containerBeans().withUserConfiguration(TrustedCaContainer.class).run((context) -> {
			assertThat(context).hasNotFailed();
			Connection connection = context.getBean(Connection.class);
			assertThat(context.getBean(NatsConnectionDetails.class).getServers()).singleElement()
				.asString()
				.startsWith("tls://");
			assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
			assertRoundTrip(connection);
		});
	}

	@Test
	void aTrustStoreOfAnotherCaFailsTheHandshakeAndStartup() {
		containerBeans().withUserConfiguration(OtherCaContainer.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(causes(context.getStartupFailure())).as("causes of the startup failure")
				.anyMatch(SSLHandshakeException.class::isInstance);
		});
	}

	private static ApplicationContextRunner containerBeans() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class, NatsAutoConfiguration.class))
			.withPropertyValues("nats.servers=nats://127.0.0.1:1", "nats.connection-timeout=5s");
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static void assertRoundTrip(Connection connection) throws InterruptedException {
		Subscription subscription = connection.subscribe("tls.round-trip");
		connection.publish("tls.round-trip", "secret".getBytes(StandardCharsets.UTF_8));
		Message message = subscription.nextMessage(Duration.ofSeconds(5));
		assertThat(message).isNotNull();
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("secret");
		subscription.unsubscribe();
	}

	static NatsServerProcessContainer tlsServer(NatsServerProcessContainer container) {
		return container.withCommand("--tls", "--tlscert", path("tls/server.pem"), "--tlskey",
				path("tls/server-key.pem"));
	}

	private static String path(String resource) {
		try {
			return new ClassPathResource(resource).getFile().getAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(NatsAutoConfiguration.class)
	static class Config {

	}

	@Configuration(proxyBeanMethods = false)
	static class TrustedCaContainer {

		@Bean
		@ServiceConnection(name = "nats")
		@PemTrustStore("classpath:tls/ca.pem")
		NatsServerProcessContainer nats() {
			return tlsServer(new NatsServerProcessContainer());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherCaContainer {

		@Bean
		@ServiceConnection(name = "nats")
		@PemTrustStore("classpath:tls/other-ca.pem")
		NatsServerProcessContainer nats() {
			return tlsServer(new NatsServerProcessContainer());
		}

	}

}
