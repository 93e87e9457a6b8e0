package io.github.natsboot.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.TestOperator;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsPermissionViolation;
import io.github.natsboot.core.NatsPermissionViolations;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.listener.NatsListenerPermissionViolations;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.NKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wrong secrets, wrong certificate authorities and permission violations against servers
 * configured for each. Successful authentication with each method, TLS and mutual TLS
 * through SSL bundles are covered by {@code NatsConnectionIntegrationTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityReliabilityTests {

	/**
	 * A TLS handshake with a client certificate can take more than a second on a busy
	 * machine; a timeout would hide the real failure.
	 */
	private static final String TLS_CONNECTION_TIMEOUT = "nats.connection-timeout=5s";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("nats.connection-timeout=1s", "nats.drain-timeout=2s");

	@Test
	void everyWrongSecretFailsStartupWithAnAnalysisNamingTheMethodAndNoSecretInAnyLogLine(CapturedOutput output,
			@TempDir Path directory) throws Exception {
		List<String> secrets = new ArrayList<>();
		List<String> descriptions = new ArrayList<>();
		try (NatsServer server = NatsServer.builder()
			.jetStream(false)
			.config("authorization { users: [ { user: alice, password: \"right-pw-31\" } ] }")
			.start()) {
			secrets.add("right-pw-31");
			secrets.add("wrong-pw-47");
			descriptions.add(rejected(server, "user name and password", "nats.username=alice",
					"nats.password=wrong-pw-47"));
		}
		try (NatsServer server = NatsServer.builder()
			.jetStream(false)
			.config("authorization { token: \"right-token-58\" }")
			.start()) {
			secrets.add("right-token-58");
			secrets.add("wrong-token-69");
			descriptions.add(rejected(server, "token", "nats.token=wrong-token-69"));
		}
		NKey allowed = NKey.createUser(null);
		NKey unknown = NKey.createUser(null);
		try (NatsServer server = NatsServer.builder()
			.jetStream(false)
			.config("authorization { users: [ { nkey: " + new String(allowed.getPublicKey()) + " } ] }")
			.start()) {
			secrets.add(new String(allowed.getSeed()));
			secrets.add(new String(unknown.getSeed()));
			descriptions.add(rejected(server, "nkey", "nats.nkey=" + new String(unknown.getSeed())));
		}
		TestOperator operator = TestOperator.create();
		Path untrusted = operator.writeUserCredentials(directory, false);
		try (NatsServer server = NatsServer.builder().jetStream(false).config(operator.serverConfig()).start()) {
			secrets.addAll(credentialsSecrets(untrusted));
			descriptions.add(rejected(server, "credentials file", "nats.credentials=file:" + untrusted));
		}
		long lines = output.getAll().lines().count();
		ReliabilityFigures.report("wrong password, token, nkey seed and untrusted credentials file",
				"%d of 4 rejected at startup with a failure analysis naming the method; %d secrets searched in %d "
						+ "log lines and analyses: 0 found",
				descriptions.size(), secrets.size(), lines);
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(descriptions).noneMatch((description) -> description.contains(secret));
		}
	}

	@Test
	void aWrongCaAndAMissingClientCertificateFailStartupClearlyWithoutKeyMaterialInTheLog(CapturedOutput output)
			throws IOException {
		List<String> descriptions = new ArrayList<>();
		try (NatsServer server = NatsServer.builder().jetStream(false).config(mutualTlsConfig()).start()) {
			this.contextRunner.withPropertyValues(TLS_CONNECTION_TIMEOUT)
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.ssl.bundle=nats",
						"spring.ssl.bundle.pem.nats.truststore.certificate=classpath:tls/other-ca.pem",
						"spring.ssl.bundle.pem.nats.keystore.certificate=classpath:tls/client.pem",
						"spring.ssl.bundle.pem.nats.keystore.private-key=classpath:tls/client-key.pem")
				.run((context) -> {
					FailureAnalysis analysis = analyze(context);
					assertThat(analysis.getDescription()).contains("TLS handshake").contains("SSL bundle 'nats'");
					assertThat(analysis.getAction()).contains("nats.ssl.bundle");
					descriptions.add(analysis.getDescription());
				});
			this.contextRunner.withPropertyValues(TLS_CONNECTION_TIMEOUT)
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.ssl.bundle=nats",
						"spring.ssl.bundle.pem.nats.truststore.certificate=classpath:tls/ca.pem")
				.run((context) -> {
					FailureAnalysis analysis = analyze(context);
					assertThat(analysis.getDescription()).contains("nats.connection-timeout")
						.contains("SSL bundle 'nats'")
						.contains("mutual TLS");
					assertThat(analysis.getAction()).contains("client certificate");
					descriptions.add(analysis.getDescription());
				});
		}
		List<String> keyLines = new ClassPathResource("tls/client-key.pem").getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> !line.startsWith("-----"))
			.toList();
		ReliabilityFigures.report("wrong CA and missing client certificate (mutual TLS)",
				"%d of 2 rejected at startup with a TLS failure analysis; %d private key lines searched in %d log "
						+ "lines: 0 found",
				descriptions.size(), keyLines.size(), output.getAll().lines().count());
		assertThat(descriptions).hasSize(2);
		for (String line : keyLines) {
			assertThat(output.getAll()).doesNotContain(line);
		}
	}

	@Test
	void deniedPublishesAndSubscriptionsAreReportedAndCountedAndTheConnectionStaysUp(CapturedOutput output) {
		String permissions = "authorization { users: [ { user: app, password: \"app-pw-83\", permissions: {"
				+ " publish: { allow: [\"sec.>\", \"_INBOX.>\"], deny: [\"sec.secret.>\"] },"
				+ " subscribe: { allow: [\"sec.>\", \"_INBOX.>\"], deny: [\"sec.secret.>\"] } } } ] }";
		try (NatsServer server = NatsServer.builder().jetStream(false).config(permissions).start()) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class,
						NatsTemplateAutoConfiguration.class, NatsListenerAutoConfiguration.class,
						JacksonAutoConfiguration.class))
				.withUserConfiguration(PermissionListeners.class)
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.username=app", "nats.password=app-pw-83",
						"nats.drain-timeout=2s")
				.run((context) -> {
					NatsTemplate template = context.getBean(NatsTemplate.class);
					Connection connection = context.getBean(Connection.class);
					NatsPermissionViolations violations = context.getBean(NatsPermissionViolations.class);
					NatsListenerPermissionViolations listenerViolations = context
						.getBean(NatsListenerPermissionViolations.class);
					PermissionListeners listeners = context.getBean(PermissionListeners.class);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> listenerViolations.getViolationCount("denied-listener") == 1);

					template.publish("sec.secret.out", "must not leave");
					await().atMost(Duration.ofSeconds(10)).until(() -> violations.getPublishViolationCount() == 1);
					NatsPermissionViolation last = violations.getLastViolation();

					await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
						template.publish("sec.allowed", "after");
						return listeners.allowed.contains("after");
					});
					boolean deniedListenerRunning = context.getBean(NatsListenerEndpointRegistry.class)
						.getListenerContainer("denied-listener")
						.isRunning();
					ReliabilityFigures.report("denied publish and denied subscription",
							"publish violations %d, subscription violations %d (attributed to listener "
									+ "'denied-listener': %d); connection %s with %d reconnects; the allowed listener "
									+ "still receives; denied listener container running: %s",
							violations.getPublishViolationCount(), violations.getSubscriptionViolationCount(),
							listenerViolations.getViolationCount("denied-listener"), connection.getStatus(),
							connection.getStatistics().getReconnects(), deniedListenerRunning);
					assertThat(last.operation()).isEqualTo(NatsPermissionViolation.Operation.PUBLISH);
					assertThat(last.subject()).isEqualTo("sec.secret.out");
					assertThat(violations.getSubscriptionViolationCount()).isEqualTo(1);
					assertThat(listenerViolations.getViolationCount("allowed-listener")).isZero();
					assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
					assertThat(connection.getStatistics().getReconnects()).isZero();
					assertThat(listeners.denied).isEmpty();
					assertThat(deniedListenerRunning).isTrue();
				});
		}
		assertThat(output.getAll())
			.contains("@NatsListener 'denied-listener' receives nothing from 'sec.secret.in': the server refused "
					+ "its subscription")
			.contains("NATS permission violation: the server dropped a message published to 'sec.secret.out'")
			.doesNotContain("app-pw-83");
	}

	private String rejected(NatsServer server, String method, String... properties) {
		List<String> description = new ArrayList<>();
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.withPropertyValues(properties)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("rejected the connection").contains(method);
				description.add(analysis.getDescription() + "\n" + analysis.getAction());
			});
		return description.get(0);
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, new StandardEnvironment());
		for (FailureAnalyzer analyzer : SpringFactoriesLoader
			.forDefaultResourceLocation(SecurityReliabilityTests.class.getClassLoader())
			.load(FailureAnalyzer.class, arguments)) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis for " + failure, failure);
	}

	private static List<String> credentialsSecrets(Path credentials) throws IOException {
		return Files.readAllLines(credentials)
			.stream()
			.filter((line) -> line.startsWith("eyJ") || line.startsWith("SU"))
			.toList();
	}

	private static String mutualTlsConfig() throws IOException {
		return "tls {\n  cert_file: \"" + path("tls/server.pem") + "\"\n  key_file: \"" + path("tls/server-key.pem")
				+ "\"\n  ca_file: \"" + path("tls/ca.pem") + "\"\n  verify: true\n}";
	}

	private static String path(String resource) throws IOException {
		return new ClassPathResource(resource).getFile().getAbsolutePath();
	}

	@Configuration(proxyBeanMethods = false)
	static class PermissionListeners {

		final Set<String> allowed = ConcurrentHashMap.newKeySet();

		final Set<String> denied = ConcurrentHashMap.newKeySet();

		@NatsListener(id = "allowed-listener", subjects = "sec.allowed")
		void onAllowed(String text) {
			this.allowed.add(text);
		}

		@NatsListener(id = "denied-listener", subjects = "sec.secret.in")
		void onDenied(String text) {
			this.denied.add(text);
		}

	}

}
