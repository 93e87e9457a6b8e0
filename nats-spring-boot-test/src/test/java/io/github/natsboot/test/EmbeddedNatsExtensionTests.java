package io.github.natsboot.test;

import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@EmbeddedNats
class EmbeddedNatsExtensionTests {

	private final NatsCluster cluster;

	EmbeddedNatsExtensionTests(NatsCluster cluster) {
		this.cluster = cluster;
	}

	@Test
	void extensionInjectsARunningServer(NatsServer server) throws Exception {
		assertThat(server.isRunning()).isTrue();
		assertThat(server).isSameAs(this.cluster.server());
		try (Connection connection = Nats.connect(server.getUrl())) {
			connection.flush(Duration.ofSeconds(5));
			assertThat(connection.jetStreamManagement().getAccountStatistics()).isNotNull();
		}
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassSharesTheEnclosingClassCluster(NatsCluster nested) {
			assertThat(nested).isSameAs(EmbeddedNatsExtensionTests.this.cluster);
		}

	}

}
