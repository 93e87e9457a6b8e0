package io.github.natsboot.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.launcher.DockerEngine;
import io.github.natsboot.launcher.NatsServerExecutableLocator;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Servers and clusters in containers, as when no {@code nats-server} executable is installed.
 * Needs a Docker engine on this Linux machine; skipped elsewhere. Every other test runs the
 * executable.
 */
@EnabledIf(value = "containersCanRun", disabledReason = "nats-server containers need a Docker engine on this Linux machine")
class NatsServerContainerIntegrationTests {

	static boolean containersCanRun() {
		return DockerEngine
			.hostNetworkUnavailableReason(NatsServerContainerIntegrationTests.class.getClassLoader()) == null;
	}

	@Test
	void serverInAContainerKeepsItsStreamAcrossAKillAndARestartOnTheSamePort() throws Exception {
		try (NatsServer server = NatsServer.builder().locator(nothingInstalled()).start()) {
			try (Connection connection = Nats.connect(server.getUrl())) {
				connection.jetStreamManagement()
					.addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>").build());
				connection.jetStream().publish("orders.created", bytes("first"));
			}
			assertThat(server.getLogFile()).content().contains("Server is ready");
			server.kill();
			assertThat(server.isRunning()).isFalse();
			server.restart();
			try (Connection connection = Nats.connect(server.getUrl())) {
				assertThat(connection.jetStreamManagement().getStreamInfo("ORDERS").getStreamState().getMsgCount())
					.isEqualTo(1);
			}
		}
	}

	@Test
	void pausedServerInAContainerAnswersNothingUntilResumed() throws Exception {
		try (NatsServer server = NatsServer.builder().locator(nothingInstalled()).jetStream(false).start();
				Connection connection = Nats.connect(server.getUrl())) {
			server.pause();
			assertThat(server.isPaused()).isTrue();
			assertThatExceptionOfType(TimeoutException.class)
				.isThrownBy(() -> connection.flush(Duration.ofMillis(500)));
			server.resume();
			connection.flush(Duration.ofSeconds(5));
			assertThat(server.isPaused()).isFalse();
		}
	}

	@Test
	void clusterInContainersKeepsAnR3StreamWritableWhenANodeIsKilled() throws Exception {
		try (NatsCluster cluster = NatsCluster.builder().nodes(3).locator(nothingInstalled()).start();
				Connection connection = Nats.connect(Options.builder()
					.servers(cluster.getUrlList().toArray(String[]::new))
					.reconnectWait(Duration.ofMillis(100))
					.maxReconnects(-1)
					.build())) {
			JetStreamManagement management = connection.jetStreamManagement();
			management.addStream(StreamConfiguration.builder().name("AUDIT").subjects("audit.>").replicas(3).build());
			PublishOptions once = PublishOptions.builder().messageId("after").build();
			cluster.node(0).kill();
			cluster.node(1).kill();
			cluster.node(1).restart();
			await().atMost(Duration.ofSeconds(20))
				.ignoreExceptions()
				.untilAsserted(() -> connection.jetStream().publish("audit.login", bytes("after"), once));
			assertThat(management.getStreamInfo("AUDIT").getStreamState().getMsgCount()).isEqualTo(1);
		}
	}

	private static NatsServerExecutableLocator nothingInstalled() {
		return NatsServerExecutableLocator.create().searchIn(null, List.of(Path.of("/no/such/sbin")));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
