package io.github.natsboot.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NatsClusterTests {

	@Test
	void singleNodeClusterIsAPlainServer() {
		try (NatsCluster cluster = NatsCluster.start(1)) {
			assertThat(cluster.getNodes()).hasSize(1);
			assertThat(cluster.server().getClusterPort()).isZero();
			assertThat(cluster.getUrls()).isEqualTo(cluster.server().getUrl());
		}
	}

	@Test
	void threeNodeClusterAcceptsAnR3StreamRightAfterStart() throws Exception {
		try (NatsCluster cluster = NatsCluster.builder().nodes(3).jetStream(true).start();
				Connection connection = Nats.connect(options(cluster))) {
			assertThat(cluster.getUrlList()).hasSize(3).doesNotHaveDuplicates();
			assertThat(cluster.getUrls()).isEqualTo(String.join(",", cluster.getUrlList()));
			assertThat(cluster.getNodes()).extracting(NatsServer::getStoreDir).doesNotHaveDuplicates();
			StreamInfo stream = connection.jetStreamManagement().addStream(r3Stream("EVENTS", "events.>"));
			assertThat(stream.getConfiguration().getReplicas()).isEqualTo(3);
			assertThat(stream.getClusterInfo().getReplicas()).hasSize(2);
		}
	}

	@Test
	void clientConnectedWithAllUrlsKeepsPublishingToAStreamAfterANodeIsKilled() throws Exception {
		try (NatsCluster cluster = NatsCluster.start(3); Connection connection = Nats.connect(options(cluster))) {
			JetStreamManagement management = connection.jetStreamManagement();
			JetStream jetStream = connection.jetStream();
			management.addStream(r3Stream("AUDIT", "audit.>"));
			jetStream.publish("audit.login", bytes("first"));
			NatsServer connectedNode = nodeServing(cluster, connection);

			connectedNode.kill();

			PublishOptions once = PublishOptions.builder().messageId("second").build();
			await().atMost(Duration.ofSeconds(20))
				.ignoreExceptions()
				.untilAsserted(() -> jetStream.publish("audit.login", bytes("second"), once));
			assertThat(management.getStreamInfo("AUDIT").getStreamState().getMsgCount()).isEqualTo(2);
			assertThat(nodeServing(cluster, connection)).isNotSameAs(connectedNode);

			connectedNode.restart();
			assertThat(connectedNode.isRunning()).isTrue();
		}
	}

	private static Options options(NatsCluster cluster) {
		return Options.builder()
			.servers(cluster.getUrlList().toArray(String[]::new))
			.reconnectWait(Duration.ofMillis(100))
			.maxReconnects(-1)
			.build();
	}

	private static StreamConfiguration r3Stream(String name, String subjects) {
		return StreamConfiguration.builder().name(name).subjects(subjects).replicas(3).build();
	}

	private static NatsServer nodeServing(NatsCluster cluster, Connection connection) {
		int port = URI.create(connection.getConnectedUrl()).getPort();
		return cluster.getNodes().stream().filter((node) -> node.getPort() == port).findFirst().orElseThrow();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
