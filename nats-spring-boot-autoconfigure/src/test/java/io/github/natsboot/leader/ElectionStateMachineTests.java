package io.github.natsboot.leader;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.github.natsboot.leader.ElectionStateMachine.Request;
import io.github.natsboot.leader.LeadershipRevokedEvent.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the decisions of {@link ElectionStateMachine}, with a ttl of one second (a
 * local lease of 800ms), a renew interval of 300ms and a retry interval of 100ms.
 */
class ElectionStateMachineTests {

	private static final long START = 1_000_000_000L;

	private final List<String> effects = new ArrayList<>();

	private final LeaderElectionSettings settings = LeaderElectionSettings.builder()
		.group("jobs")
		.nodeId("node-1")
		.ttl(Duration.ofSeconds(1))
		.renewInterval(Duration.ofMillis(300))
		.retryInterval(Duration.ofMillis(100))
		.build();

	private final ElectionFailures failures = new ElectionFailures(this.settings);

	private final ElectionStateMachine state = new ElectionStateMachine(this.settings, this.failures,
			new RecordingEffects());

	@Test
	void aLeaseCreatedInTimeGrantsATermWhoseFencingTokenIsItsRevision() {
		LeaseTerm term = lead(7);
		assertThat(this.effects).containsExactly("granted:7");
		assertThat(term.token()).isEqualTo(7);
		assertThat(term.deadlineNanos()).isEqualTo(START + millis(800));
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(300));
		assertThat(this.state.startRequest()).isEqualTo(Request.RENEW);
	}

	@Test
	void aLeaseCreatedTooLateToBeTrustedIsReleasedWithoutGrantingLeadership() {
		this.state.activate(true, START);
		assertThat(this.state.startRequest()).isEqualTo(Request.CREATE);
		this.state.leaseCreated(write(1, START), null, START + millis(800));
		assertThat(this.effects).containsExactly("release:1");
		assertThat(this.state.term()).isNull();
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(900));
	}

	@Test
	void aLeaseCreatedWhileStoppingIsReleasedWithoutGrantingLeadership() {
		this.state.activate(true, START);
		this.state.startRequest();
		this.state.stop();
		this.state.leaseCreated(write(1, START), null, START + millis(10));
		assertThat(this.effects).containsExactly("release:1");
		assertThat(this.state.term()).isNull();
	}

	@Test
	void aSuccessfulRenewalExtendsTheTermWithTheSameFencingToken() {
		LeaseTerm term = lead(1);
		LeaseTerm renewed = renew(term, 2);
		assertThat(renewed.token()).isEqualTo(1);
		assertThat(renewed.revision()).isEqualTo(2);
		assertThat(renewed.deadlineNanos()).isEqualTo(START + millis(1100));
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(600));
		assertThat(this.effects).containsExactly("granted:1");
	}

	@Test
	void aFailedRenewalRevokesLeadershipAndReleasesTheLastRevision() {
		LeaseTerm term = lead(1);
		this.state.leaseRenewed(term, null, new IOException("wrong last sequence"), START + millis(310));
		assertThat(this.effects).containsExactly("granted:1", "revoked:RENEWAL_FAILED:1", "release:1");
		assertThat(this.state.term()).isNull();
		assertThat(this.failures.last()).isEqualTo("IOException: wrong last sequence");
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(410));
	}

	@Test
	void aLeaseThatAnotherNodeTookRevokesLeadershipWithoutReleasingIt() {
		lead(1);
		this.state.leaseChanged(new LeaseChange("node-2", 3), START + millis(100));
		assertThat(this.effects).containsExactly("granted:1", "seen:node-2", "revoked:LEASE_LOST:1");
		assertThat(this.state.term()).isNull();
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(200));
	}

	@Test
	void theWatchSeeingTheLeadersOwnRenewalKeepsItsTerm() {
		LeaseTerm term = lead(1);
		this.state.leaseChanged(new LeaseChange("node-1", 2), START + millis(100));
		assertThat(this.state.term()).isSameAs(term);
		assertThat(this.effects).containsExactly("granted:1", "seen:node-1");
	}

	@Test
	void aLeaderWhoseDeadlinePassesIsRevokedAndReleasesAnyRenewalThatSucceedsLate() {
		LeaseTerm term = lead(1);
		assertThat(this.state.startRequest()).isEqualTo(Request.RENEW);
		this.state.deadlinePassed(term, START + millis(800));
		this.state.leaseRenewed(term, write(2, START + millis(300)), null, START + millis(900));
		assertThat(this.effects).containsExactly("granted:1", "revoked:LEASE_EXPIRED:1", "release:1", "release:2");
		assertThat(this.state.term()).isNull();
	}

	@Test
	void theDeadlineOfATermThatWasRenewedIsIgnored() {
		LeaseTerm term = lead(1);
		LeaseTerm renewed = renew(term, 2);
		this.state.deadlinePassed(term, START + millis(800));
		assertThat(this.state.term()).isSameAs(renewed);
		assertThat(this.effects).containsExactly("granted:1");
	}

	@Test
	void aFollowerThatFindsTheLeaseTakenTriesAgainAfterTheRetryInterval() {
		this.state.activate(true, START);
		this.state.startRequest();
		this.state.leaseCreated(new LeaseWrite(OptionalLong.empty(), START), null, START + millis(10));
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(110));
		assertThat(this.effects).isEmpty();
	}

	@Test
	void aFollowerThatSeesTheLeaseFreeTriesAgainAtOnce() {
		this.state.activate(true, START);
		this.state.startRequest();
		this.state.leaseCreated(new LeaseWrite(OptionalLong.empty(), START), null, START + millis(10));
		this.state.leaseChanged(new LeaseChange(null, 2), START + millis(50));
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(50));
	}

	@Test
	void aYieldingLeaderReleasesItsLeaseAndDoesNotCompeteAgainWithinTheRetryInterval() {
		lead(1);
		this.state.yieldLeadership(START + millis(20));
		this.state.leaseChanged(new LeaseChange(null, 2), START + millis(30));
		assertThat(this.effects).containsExactly("granted:1", "revoked:YIELDED:1", "release:1", "seen:null");
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(120));
	}

	@Test
	void aStoppingLeaderIsRevokedBeforeItReleasesItsLease() {
		lead(1);
		this.state.stop();
		assertThat(this.effects).containsExactly("granted:1", "revoked:STOPPED:1", "release:1");
		assertThat(this.state.isActive()).isFalse();
	}

	@Test
	void aFailedCreationOpensTheStoreAgainAfterTheRetryInterval() {
		this.state.activate(true, START);
		this.state.startRequest();
		this.state.leaseCreated(null, new IOException("Not connected to NATS"), START + millis(10));
		assertThat(this.state.nextRequestDueNanos()).isEqualTo(START + millis(110));
		assertThat(this.state.startRequest()).isEqualTo(Request.OPEN);
		assertThat(this.failures.last()).isEqualTo("IOException: Not connected to NATS");
	}

	@Test
	void anotherNodeSeenHoldingTheLeaseIsKnownAsTheLeaderForOneTimeToLive() {
		this.state.leaseChanged(new LeaseChange("node-2", 1), START);
		assertThat(this.state.holderSeen(START + millis(1000))).isEqualTo("node-2");
		assertThat(this.state.holderSeen(START + millis(1001))).isNull();
	}

	private LeaseTerm lead(long revision) {
		this.state.activate(true, START);
		assertThat(this.state.startRequest()).isEqualTo(Request.CREATE);
		this.state.leaseCreated(write(revision, START), null, START + millis(5));
		return this.state.term();
	}

	private LeaseTerm renew(LeaseTerm term, long revision) {
		this.state.leaseRenewed(term, write(revision, START + millis(300)), null, START + millis(310));
		return this.state.term();
	}

	private static LeaseWrite write(long revision, long sentNanos) {
		return new LeaseWrite(OptionalLong.of(revision), sentNanos);
	}

	private static long millis(long millis) {
		return Duration.ofMillis(millis).toNanos();
	}

	private final class RecordingEffects implements ElectionEffects {

		@Override
		public void granted(LeaseTerm granted) {
			ElectionStateMachineTests.this.effects.add("granted:" + granted.token());
		}

		@Override
		public void revoked(LeaseTerm ended, Reason reason, Throwable cause) {
			ElectionStateMachineTests.this.effects.add("revoked:" + reason + ":" + ended.token());
		}

		@Override
		public void release(long revision) {
			ElectionStateMachineTests.this.effects.add("release:" + revision);
		}

		@Override
		public void holderSeen(String holder) {
			ElectionStateMachineTests.this.effects.add("seen:" + holder);
		}

	}

}
