package io.github.natsboot.leader;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LeaderElectionSettings}.
 */
class LeaderElectionSettingsTests {

	@Test
	void everythingButTheGroupHasADefault() {
		LeaderElectionSettings settings = LeaderElectionSettings.builder().group("orders").build();
		assertThat(settings.getBucket()).isEqualTo("leader-election");
		assertThat(settings.getTtl()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.getRenewInterval()).isEqualTo(Duration.ofSeconds(10).dividedBy(3));
		assertThat(settings.getRetryInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.getSafetyMargin()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.getLocalLease()).isEqualTo(Duration.ofSeconds(8));
		assertThat(settings.getNodeId()).matches(".+-" + ProcessHandle.current().pid() + "-[0-9a-f]{6}");
	}

	@Test
	void defaultNodeIdsDifferWithinOneProcess() {
		assertThat(LeaderElectionSettings.builder().group("a").build().getNodeId())
			.isNotEqualTo(LeaderElectionSettings.builder().group("a").build().getNodeId());
	}

	@Test
	void anUnsetRenewIntervalFollowsTheTtlOfACopy() {
		LeaderElectionSettings settings = LeaderElectionSettings.builder().group("orders").build();
		LeaderElectionSettings copy = settings.toBuilder().group("billing").ttl(Duration.ofSeconds(30)).build();
		assertThat(copy.getGroup()).isEqualTo("billing");
		assertThat(copy.getNodeId()).isEqualTo(settings.getNodeId());
		assertThat(copy.getRenewInterval()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aGroupIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> LeaderElectionSettings.builder().build())
			.withMessage("Leader election group must not be empty");
	}

	@Test
	void aGroupMustBeAValidKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderElectionSettings.builder().group("order service").build())
			.withMessageContaining("group 'order service' is not a valid key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderElectionSettings.builder().group("orders.*").build())
			.withMessageContaining("group 'orders.*' is not a valid key");
	}

	@Test
	void aBucketMustBeAValidBucketName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderElectionSettings.builder().group("orders").bucket("leader.election").build())
			.withMessageContaining("bucket 'leader.election' is not a valid bucket name");
	}

	@Test
	void theTtlIsAtLeastOneSecond() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderElectionSettings.builder().group("orders").ttl(Duration.ofMillis(900)).build())
			.withMessage("Leader election ttl must be at least PT1S but was PT0.9S");
	}

	@Test
	void theLeaderRenewsBeforeItsLeaseEndsByItsOwnClock() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderElectionSettings.builder()
				.group("orders")
				.ttl(Duration.ofSeconds(10))
				.renewInterval(Duration.ofSeconds(8))
				.build())
			.withMessage("Leader election renew interval (PT8S) must be shorter than the ttl (PT10S) minus its"
					+ " safety margin (PT2S), or the leader steps down before it renews");
	}

	@Test
	void intervalsMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderElectionSettings.builder().group("orders").renewInterval(Duration.ZERO).build())
			.withMessageContaining("renew interval must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderElectionSettings.builder()
				.group("orders")
				.retryInterval(Duration.ofMillis(-1))
				.build())
			.withMessageContaining("retry interval must be positive");
	}

}
