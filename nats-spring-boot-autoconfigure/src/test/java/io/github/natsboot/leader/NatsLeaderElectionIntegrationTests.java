package io.github.natsboot.leader;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.leader.LeaderElectionStatus.Role;
import io.github.natsboot.leader.LeadershipRecorder.Recorded;
import io.github.natsboot.leader.LeadershipRevokedEvent.Reason;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StorageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for leader election against a real {@code nats-server}: three candidates on
 * connections of their own, in a bucket of their own per test, with a 2 second lease.
 */
@EmbeddedNats
class NatsLeaderElectionIntegrationTests {

	private static final Duration TTL = Duration.ofSeconds(2);

	private static final Duration RETRY = Duration.ofMillis(500);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final AtomicInteger bucketCounter = new AtomicInteger();

	private static NatsServer server;

	private static Connection admin;

	@BeforeAll
	static void connect(NatsServer natsServer) throws Exception {
		server = natsServer;
		admin = Candidates.connect(server.getUrl());
	}

	@AfterAll
	static void disconnect() throws InterruptedException {
		if (admin != null) {
			admin.close();
		}
	}

	@Test
	void threeCandidatesOnSeparateConnectionsElectExactlyOneLeader() throws Exception {
		try (Candidates candidates = Candidates.start(server, 3, settings(), false);
				LeaderSampler sampler = new LeaderSampler(candidates.elections())) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			Thread.sleep(TTL.toMillis());
			assertThat(candidates.leaders()).containsExactly(leader);
			assertThat(sampler.mostLeadersAtOnce()).isEqualTo(1);
			assertThat(candidates.recorder().grants()).isEqualTo(1);
			long token = leader.getFencingToken();
			assertThat(token).isPositive();
			for (KeyValueLeaderElection candidate : candidates.elections()) {
				assertThat(candidate.getLeader()).isEqualTo(leader.getNodeId());
				LeaderElectionStatus status = candidate.getStatus();
				assertThat(status.leader()).isEqualTo(leader.getNodeId());
				assertThat(status.lastFailure()).isNull();
				if (candidate == leader) {
					assertThat(status.role()).isEqualTo(Role.LEADER);
					assertThat(status.fencingToken()).isEqualTo(token);
					assertThat(status.lastRenewal()).isNotNull();
				}
				else {
					assertThat(status.role()).isEqualTo(Role.FOLLOWER);
					assertThat(status.fencingToken()).isZero();
					assertThat(candidate.getFencingToken()).isZero();
				}
			}
		}
	}

	@Test
	void theBucketIsCreatedWithTheLeaseTtl() throws Exception {
		LeaderElectionSettings settings = settings();
		try (Candidates candidates = Candidates.start(server, 1, settings, false)) {
			candidates.awaitLeader(WAIT);
			KeyValueStatus status = admin.keyValueManagement().getStatus(settings.getBucket());
			assertThat(status.getTtl()).isEqualTo(TTL);
			assertThat(status.getMaxHistoryPerKey()).isEqualTo(1);
			assertThat(admin.keyValue(settings.getBucket()).get(settings.getGroup()).getValueAsString())
				.isEqualTo("node-1");
		}
	}

	@Test
	void onlyTheLeaderRunsTasksGivenToRunIfLeader() throws Exception {
		try (Candidates candidates = Candidates.start(server, 3, settings(), false)) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			AtomicInteger runs = new AtomicInteger();
			List<Boolean> ran = candidates.elections()
				.stream()
				.map((candidate) -> candidate.runIfLeader(runs::incrementAndGet))
				.toList();
			assertThat(runs).hasValue(1);
			assertThat(ran.get(candidates.elections().indexOf(leader))).isTrue();
			assertThat(ran).containsOnlyOnce(true);
		}
	}

	@Test
	void aStoppingLeaderHandsOverInWellUnderASecondAndEachTermHasAGreaterFencingToken() throws Exception {
		try (Candidates candidates = Candidates.start(server, 3, settings(), false);
				LeaderSampler sampler = new LeaderSampler(candidates.elections())) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			long token = leader.getFencingToken();
			StringBuilder figures = new StringBuilder();
			for (int handover = 1; handover <= 2; handover++) {
				long stopping = System.nanoTime();
				leader.stop();
				KeyValueLeaderElection next = candidates.awaitOtherLeader(leader, WAIT);
				Recorded granted = candidates.recorder().awaitGrantAfter(stopping);
				Recorded revoked = candidates.recorder().awaitRevocationOf(leader.getNodeId(), stopping);
				Duration handoverTime = Duration.ofNanos(granted.nanos() - stopping);
				figures.append(" ").append(handoverTime.toMillis()).append(" ms");
				assertThat(granted.event().getNodeId()).isEqualTo(next.getNodeId());
				assertThat(((LeadershipRevokedEvent) revoked.event()).getReason()).isEqualTo(Reason.STOPPED);
				assertThat(revoked.nanos()).isLessThan(granted.nanos());
				assertThat(handoverTime).isLessThan(Duration.ofMillis(500));
				assertThat(next.getFencingToken()).isGreaterThan(token);
				assertThat(leader.getStatus().role()).isEqualTo(Role.STOPPED);
				token = next.getFencingToken();
				leader = next;
			}
			System.out.println("Leader election: graceful stop handed over in" + figures + " (ttl " + TTL.toMillis()
					+ " ms); most leaders at once: " + sampler.mostLeadersAtOnce());
			assertThat(sampler.mostLeadersAtOnce()).isEqualTo(1);
			assertThat(candidates.recorder().overlaps()).isEmpty();
		}
	}

	@Test
	void aLeaderWhoseConnectionIsKilledIsReplacedWithinTtlPlusRetryInterval() throws Exception {
		try (Candidates candidates = Candidates.start(server, 3, settings(), true);
				LeaderSampler sampler = new LeaderSampler(candidates.elections())) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			long killed = System.nanoTime();
			candidates.proxyOf(leader).kill();
			KeyValueLeaderElection next = candidates.awaitOtherLeader(leader, WAIT);
			Recorded granted = candidates.recorder().awaitGrantAfter(killed);
			Duration takeover = Duration.ofNanos(granted.nanos() - killed);
			System.out.println("Leader election: connection of the leader killed, " + next.getNodeId()
					+ " took over after " + takeover.toMillis() + " ms (ttl " + TTL.toMillis() + " ms + retry "
					+ RETRY.toMillis() + " ms); most leaders at once: " + sampler.mostLeadersAtOnce());
			assertThat(takeover).isLessThanOrEqualTo(TTL.plus(RETRY));
			assertThat(leader.isLeader()).isFalse();
			assertThat(sampler.mostLeadersAtOnce()).isEqualTo(1);
			assertThat(candidates.recorder().overlaps()).isEmpty();
		}
	}

	@Test
	void aLeaderWhoseRenewalsAreBlockedStepsDownBeforeAnotherIsGranted() throws Exception {
		try (Candidates candidates = Candidates.start(server, 3, settings(), false);
				LeaderSampler sampler = new LeaderSampler(candidates.elections())) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			long blocked = System.nanoTime();
			candidates.storeOf(leader).blockRenewals();
			try {
				KeyValueLeaderElection next = candidates.awaitOtherLeader(leader, WAIT);
				Recorded revoked = candidates.recorder().awaitRevocationOf(leader.getNodeId(), blocked);
				Recorded granted = candidates.recorder().awaitGrantAfter(blocked);
				Duration gap = Duration.ofNanos(granted.nanos() - revoked.nanos());
				System.out.println("Leader election: renewals blocked, the leader stepped down after "
						+ Duration.ofNanos(revoked.nanos() - blocked).toMillis() + " ms, " + gap.toMillis()
						+ " ms before " + next.getNodeId() + " was granted; most leaders at once: "
						+ sampler.mostLeadersAtOnce());
				assertThat(((LeadershipRevokedEvent) revoked.event()).getReason()).isEqualTo(Reason.LEASE_EXPIRED);
				assertThat(revoked.nanos()).isLessThan(granted.nanos());
				assertThat(sampler.mostLeadersAtOnce()).isEqualTo(1);
				assertThat(candidates.recorder().overlaps()).isEmpty();
			}
			finally {
				candidates.storeOf(leader).unblockRenewals();
			}
			Thread.sleep(TTL.toMillis() / 2);
			assertThat(candidates.leaders()).hasSize(1);
			assertThat(sampler.mostLeadersAtOnce()).isEqualTo(1);
		}
	}

	@Test
	void aLeaderBehindAStalledNetworkStepsDownBeforeAnotherIsGrantedAndDoesNotComeBack() throws Exception {
		try (Candidates candidates = Candidates.start(server, 3, settings(), true);
				LeaderSampler sampler = new LeaderSampler(candidates.elections())) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			long paused = System.nanoTime();
			candidates.proxyOf(leader).pause();
			KeyValueLeaderElection next;
			try {
				next = candidates.awaitOtherLeader(leader, WAIT);
			}
			finally {
				candidates.proxyOf(leader).resume();
			}
			Recorded revoked = candidates.recorder().awaitRevocationOf(leader.getNodeId(), paused);
			Recorded granted = candidates.recorder().awaitGrantAfter(paused);
			System.out.println("Leader election: network of the leader stalled, it stepped down after "
					+ Duration.ofNanos(revoked.nanos() - paused).toMillis() + " ms ("
					+ ((LeadershipRevokedEvent) revoked.event()).getReason() + "), "
					+ Duration.ofNanos(granted.nanos() - revoked.nanos()).toMillis() + " ms before " + next.getNodeId()
					+ " was granted");
			assertThat(revoked.nanos()).isLessThan(granted.nanos());
			Thread.sleep(TTL.toMillis());
			assertThat(candidates.leaders()).containsExactly(next);
			assertThat(leader.getLeader()).isEqualTo(next.getNodeId());
			assertThat(sampler.mostLeadersAtOnce()).isEqualTo(1);
			assertThat(candidates.recorder().overlaps()).isEmpty();
		}
	}

	@Test
	void aYieldingLeaderHandsOverToAnotherCandidate() throws Exception {
		try (Candidates candidates = Candidates.start(server, 3, settings(), false)) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			long yielding = System.nanoTime();
			leader.yield();
			assertThat(leader.isLeader()).isFalse();
			KeyValueLeaderElection next = candidates.awaitOtherLeader(leader, WAIT);
			Duration handover = Duration.ofNanos(candidates.recorder().awaitGrantAfter(yielding).nanos()
					- yielding);
			assertThat(handover).isLessThan(Duration.ofMillis(500));
			assertThat(next.getFencingToken()).isGreaterThan(0);
			assertThat(candidates.recorder().awaitRevocationOf(leader.getNodeId(), yielding).event())
				.isInstanceOfSatisfying(LeadershipRevokedEvent.class,
						(event) -> assertThat(event.getReason()).isEqualTo(Reason.YIELDED));
			assertThat(candidates.recorder().overlaps()).isEmpty();
		}
	}

	@Test
	void aLeaseDeletedByHandEndsTheTermAndIsTakenOverAtOnce() throws Exception {
		LeaderElectionSettings settings = settings();
		try (Candidates candidates = Candidates.start(server, 3, settings, false)) {
			KeyValueLeaderElection leader = candidates.awaitLeader(WAIT);
			long deleting = System.nanoTime();
			admin.keyValue(settings.getBucket()).delete(settings.getGroup());
			assertThat(candidates.recorder().awaitRevocationOf(leader.getNodeId(), deleting).event())
				.isInstanceOfSatisfying(LeadershipRevokedEvent.class,
						(event) -> assertThat(event.getReason()).isEqualTo(Reason.LEASE_LOST));
			Recorded granted = candidates.recorder().awaitGrantAfter(deleting);
			assertThat(Duration.ofNanos(granted.nanos() - deleting)).isLessThan(Duration.ofMillis(500));
			assertThat(candidates.awaitLeader(WAIT)).isNotSameAs(leader);
		}
	}

	@Test
	void aBucketThatExpiresKeysSoonerThanTheLeaseIsRejected() throws Exception {
		LeaderElectionSettings settings = settings();
		admin.keyValueManagement()
			.create(KeyValueConfiguration.builder()
				.name(settings.getBucket())
				.ttl(TTL.dividedBy(2))
				.storageType(StorageType.Memory)
				.build());
		assertThatExceptionOfType(LeaderElectionException.class)
			.isThrownBy(() -> Candidates.start(server, 1, settings, false).close())
			.withMessageContaining("Bucket '" + settings.getBucket() + "' expires keys after PT1S")
			.withMessageContaining("nats.leader.ttl");
	}

	@Test
	void aBucketThatKeepsKeysForeverIsRejectedOnAServerWithoutPerKeyTtl() throws Exception {
		LeaderElectionSettings settings = settings();
		admin.keyValueManagement()
			.create(KeyValueConfiguration.builder().name(settings.getBucket()).storageType(StorageType.Memory).build());
		assertThatExceptionOfType(LeaderElectionException.class)
			.isThrownBy(() -> Candidates.start(server, 1, settings, false).close())
			.withMessageContaining("keeps keys forever");
	}

	private static LeaderElectionSettings settings() {
		return LeaderElectionSettings.builder()
			.bucket("leader-it-" + bucketCounter.incrementAndGet())
			.group("orders")
			.ttl(TTL)
			.retryInterval(RETRY)
			.build();
	}

}
