package io.github.natsboot.leader;

import java.time.Duration;
import java.util.List;

import io.github.natsboot.leader.LeadershipRevokedEvent.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the timing rules of {@link KeyValueLeaderElection}, on a
 * {@link RecordingLeaseStore}.
 */
class KeyValueLeaderElectionTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final List<String> calls = RecordingLeaseStore.newCalls();

	private final RecordingLeaseStore store = new RecordingLeaseStore(this.calls);

	private final ApplicationEventPublisher events = (event) -> {
		if (event instanceof LeadershipRevokedEvent revoked) {
			this.calls.add("revoked:" + revoked.getReason() + ":" + revoked.getFencingToken());
		}
		else if (event instanceof LeadershipGrantedEvent granted) {
			this.calls.add("granted:" + granted.getFencingToken());
		}
	};

	private final KeyValueLeaderElection election = new KeyValueLeaderElection(LeaderElectionSettings.builder()
		.group("jobs")
		.nodeId("node-1")
		.ttl(Duration.ofSeconds(1))
		.retryInterval(Duration.ofMillis(100))
		.build(), this.store, this.events);

	@AfterEach
	void stop() {
		this.election.stop();
	}

	@Test
	void aStoppingLeaderIsRevokedBeforeItReleasesItsLease() {
		this.election.start();
		await().atMost(WAIT).until(this.election::isLeader);
		await().atMost(WAIT).until(() -> this.calls.contains("granted:1"));
		this.election.stop();
		assertThat(this.election.isLeader()).isFalse();
		assertThat(this.election.isRunning()).isFalse();
		List<String> ending = this.calls.subList(this.calls.indexOf("revoked:STOPPED:1"), this.calls.size());
		assertThat(ending.get(0)).isEqualTo("revoked:STOPPED:1");
		assertThat(ending.get(1)).startsWith("release:");
		assertThat(ending).endsWith("close");
	}

	@Test
	void aLeaderWhoseRenewalHangsStepsDownAtItsDeadlineAndReleasesTheRenewalThatSucceedsLate() {
		this.election.start();
		await().atMost(WAIT).until(this.election::isLeader);
		long held = System.nanoTime();
		this.store.holdWrites();
		await().atMost(WAIT).until(() -> !this.election.isLeader());
		Duration leading = Duration.ofNanos(System.nanoTime() - held);
		assertThat(leading).isLessThan(Duration.ofMillis(800));
		await().atMost(WAIT).until(() -> this.calls.contains("revoked:LEASE_EXPIRED:1"));
		this.store.releaseWrites();
		await().atMost(WAIT).until(() -> this.calls.stream().anyMatch((call) -> call.startsWith("release:")));
		String lateRenewal = this.calls.stream()
			.filter((call) -> call.startsWith("renew:"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(this.calls).contains("release:" + lateRenewal.substring("renew:".length()));
	}

	@Test
	void aLeaseTakenTooLateToBeTrustedIsReleasedWithoutGrantingLeadership() throws Exception {
		this.store.holdWrites();
		this.election.start();
		Thread.sleep(900);
		this.store.releaseWrites();
		await().atMost(WAIT).until(() -> this.calls.contains("release:1"));
		assertThat(this.calls).doesNotContain("granted:1");
		await().atMost(WAIT).until(() -> this.calls.contains("granted:3"));
	}

	@Test
	void aYieldingLeaderStepsDownAtOnceAndCompetesAgainAfterTheRetryInterval() {
		this.election.start();
		await().atMost(WAIT).until(this.election::isLeader);
		long token = this.election.getFencingToken();
		this.election.yield();
		assertThat(this.election.isLeader()).isFalse();
		assertThat(this.election.getFencingToken()).isZero();
		await().atMost(WAIT).until(() -> this.calls.contains("revoked:" + Reason.YIELDED + ":" + token));
		await().atMost(WAIT).until(this.election::isLeader);
		assertThat(this.election.getFencingToken()).isGreaterThan(token);
	}

	@Test
	void aFailedRenewalRevokesAtOnce() {
		this.election.start();
		await().atMost(WAIT).until(this.election::isLeader);
		await().atMost(WAIT).until(() -> this.calls.contains("granted:1"));
		this.store.takeAway();
		await().atMost(WAIT).until(() -> this.calls.contains("revoked:RENEWAL_FAILED:1"));
	}

}
