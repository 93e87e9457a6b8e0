package io.github.natsboot.test;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class EmbeddedNatsExtensionLifecycleTests {

	@Test
	void extensionStartsTheServersBeforeAllTestsAndStopsThemAfterwards() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(Fixture.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(Fixture.cluster).isNotNull();
		assertThat(Fixture.cluster.server().isRunning()).isFalse();
		assertThat(Fixture.cluster.server().getLogFile()).doesNotExist();
	}

	@EmbeddedNats(jetStream = false)
	static class Fixture {

		static NatsCluster cluster;

		@BeforeAll
		static void captureCluster(NatsCluster cluster) {
			Fixture.cluster = cluster;
		}

		@Test
		void firstTestSeesTheRunningServer(NatsServer server) {
			assertThat(server.isRunning()).isTrue();
		}

		@Test
		void secondTestSeesTheSameServer(NatsServer server) {
			assertThat(server).isSameAs(cluster.server());
		}

	}

}
