package io.github.natsboot.leader;

import java.time.Duration;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LeaseExpiry}.
 */
class LeaseExpiryTests {

	private static final Duration TTL = Duration.ofSeconds(10);

	@Test
	void aBucketWithTheLeaseTtlExpiresLeasesWithoutAWarning() {
		LeaseExpiry expiry = LeaseExpiry.of("leases", TTL, false, false, TTL);
		assertThat(expiry.perKey()).isFalse();
		assertThat(expiry.warning()).isNull();
	}

	@Test
	void aBucketThatKeepsKeysLongerIsSafeButSlowsFailover() {
		LeaseExpiry expiry = LeaseExpiry.of("leases", Duration.ofMinutes(1), false, false, TTL);
		assertThat(expiry.perKey()).isFalse();
		assertThat(expiry.warning()).contains("Bucket 'leases' expires keys after PT1M")
			.contains("replaced only after PT1M");
	}

	@Test
	void aBucketThatExpiresKeysBeforeTheLeaseIsRejectedEvenWithPerKeyTtl() {
		assertThatExceptionOfType(LeaderElectionException.class)
			.isThrownBy(() -> LeaseExpiry.of("leases", Duration.ofSeconds(5), false, false, TTL))
			.withMessageContaining("expires keys after PT5S, before the leader election ttl of PT10S");
		assertThatExceptionOfType(LeaderElectionException.class)
			.isThrownBy(() -> LeaseExpiry.of("leases", Duration.ofSeconds(5), true, true, TTL));
	}

	@Test
	void aBucketThatKeepsKeysForeverNeedsPerKeyTtl() {
		assertThatExceptionOfType(LeaderElectionException.class)
			.isThrownBy(() -> LeaseExpiry.of("leases", Duration.ZERO, false, true, TTL))
			.withMessageContaining("keeps keys forever");
		assertThatExceptionOfType(LeaderElectionException.class)
			.isThrownBy(() -> LeaseExpiry.of("leases", Duration.ZERO, true, false, TTL))
			.withMessageContaining("keeps keys forever");
		LeaseExpiry expiry = LeaseExpiry.of("leases", Duration.ZERO, true, true, TTL);
		assertThat(expiry.perKey()).isTrue();
		assertThat(expiry.messageTtl().getTtlString()).isEqualTo("10s");
	}

	@Test
	void perKeyTtlIsUsedWhenBothServerAndBucketSupportIt() {
		assertThat(LeaseExpiry.of("leases", TTL, true, true, TTL).perKey()).isTrue();
		assertThat(LeaseExpiry.of("leases", TTL, true, false, TTL).perKey()).isFalse();
		assertThat(LeaseExpiry.of("leases", TTL, false, true, TTL).perKey()).isFalse();
	}

	@Test
	void aLeaseTtlOfAFractionOfASecondIsWrittenInMilliseconds() {
		assertThat(LeaseExpiry.of("leases", TTL, true, true, Duration.ofMillis(2500)).messageTtl().getTtlString())
			.isEqualTo("2500ms");
	}

	@Test
	void aNewBucketKeepsOneFileBackedEntryPerKeyForTheLeaseTtl() {
		KeyValueConfiguration configuration = LeaseExpiry.bucketConfiguration("leases", TTL, false);
		assertThat(configuration.getTtl()).isEqualTo(TTL);
		assertThat(configuration.getMaxHistoryPerKey()).isEqualTo(1);
		assertThat(configuration.getStorageType()).isEqualTo(StorageType.File);
		assertThat(configuration.getBackingConfig().isAllowMessageTtl()).isFalse();
		assertThat(configuration.getLimitMarkerTtl()).isNull();
	}

	@Test
	void aNewBucketOnAServerWithPerKeyTtlAllowsItAndMarksExpiredLeases() {
		KeyValueConfiguration configuration = LeaseExpiry.bucketConfiguration("leases", TTL, true);
		assertThat(configuration.getBackingConfig().isAllowMessageTtl()).isTrue();
		assertThat(configuration.getLimitMarkerTtl()).isEqualTo(TTL);
	}

}
