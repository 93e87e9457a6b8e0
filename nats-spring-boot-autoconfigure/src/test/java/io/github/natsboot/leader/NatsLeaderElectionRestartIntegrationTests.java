package io.github.natsboot.leader;

import java.time.Duration;

import io.github.natsboot.test.NatsServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for leader election across restarts of the server, which keeps its store: three
 * candidates on connections of their own, a 2 second lease.
 */
class NatsLeaderElectionRestartIntegrationTests {

	private static final Duration TTL = Duration.ofSeconds(2);

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void aServerKilledForLongerThanTheRenewIntervalEndsTheTermAndAfterItsRestartOneLeaderIsElected() throws Exception {
		try (NatsServer server = NatsServer.builder().start();
				Candidates candidates = Candidates.start(server, 3, settings(), false);
				LeaderSampler sampler = new LeaderSampler(candidates.elections())) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			long killed = System.nanoTime();
			server.kill();
			Thread.sleep(TTL.toMillis() / 2);
			assertThat(leader.isLeader()).isFalse();
			server.restart();
			long restarted = System.nanoTime();
			KeyValueLeaderElection next = candidates.awaitLeader(WAIT);
			LeadershipRecorder.Recorded granted = candidates.recorder().awaitGrantAfter(killed);
			Thread.sleep(TTL.toMillis());
			System.out.println("Leader election: server killed for " + Duration.ofNanos(restarted - killed).toMillis()
					+ " ms and restarted, " + granted.event().getNodeId() + " granted "
					+ Duration.ofNanos(granted.nanos() - restarted).toMillis()
					+ " ms after the restart; most leaders at once: " + sampler.mostLeadersAtOnce() + " in "
					+ sampler.samples() + " samples");
			assertThat(candidates.leaders()).containsExactly(next);
			assertThat(granted.event().getFencingToken()).isGreaterThan(0);
			assertThat(sampler.mostLeadersAtOnce()).isEqualTo(1);
			assertThat(candidates.recorder().overlaps()).isEmpty();
		}
	}

	@Test
	void aServerRestartedQuicklyKeepsAtMostOneLeaderAndALeaderAfterwards() throws Exception {
		try (NatsServer server = NatsServer.builder().start();
				Candidates candidates = Candidates.start(server, 3, settings(), false);
				LeaderSampler sampler = new LeaderSampler(candidates.elections())) {
			candidates.awaitLeader(WAIT);
			long restarting = System.nanoTime();
			server.restart();
			long restarted = System.nanoTime();
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			Thread.sleep(TTL.toMillis());
			System.out.println("Leader election: server restarted in "
					+ Duration.ofNanos(restarted - restarting).toMillis() + " ms, " + leader.getNodeId()
					+ " leads with fencing token " + leader.getFencingToken() + ", "
					+ candidates.recorder().grants() + " terms in all; most leaders at once: "
					+ sampler.mostLeadersAtOnce() + " in " + sampler.samples() + " samples");
			assertThat(candidates.leaders()).containsExactly(leader);
			assertThat(sampler.mostLeadersAtOnce()).isEqualTo(1);
			assertThat(candidates.recorder().overlaps()).isEmpty();
		}
	}

	private static LeaderElectionSettings settings() {
		return LeaderElectionSettings.builder()
			.group("billing")
			.ttl(TTL)
			.retryInterval(Duration.ofMillis(500))
			.build();
	}

}
