package io.github.natsboot.leader;

import java.time.Duration;

import io.nats.client.MessageTtl;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.ServerInfo;
import io.nats.client.api.StorageType;

/**
 * How a lease expires in its bucket when its holder stops renewing it: by the bucket's
 * time to live (its stream's max age), or by a time to live of its own on servers that
 * support per-message TTL (2.11 and later) in a bucket that allows it. A lease must never
 * expire before its time to live, or a new leader could be granted while the old one
 * still leads.
 *
 * @param messageTtl the time to live written with each lease, or {@code null} when the
 * bucket's time to live applies
 * @param warning what to tell the user about a bucket that is safe but slows failover,
 * or {@code null}
 */
record LeaseExpiry(MessageTtl messageTtl, String warning) {

	private static final String PER_MESSAGE_TTL_VERSION = "2.11.0";

	/**
	 * Return whether leases carry a time to live of their own.
	 * @return {@code true} for a per-message TTL
	 */
	boolean perKey() {
		return this.messageTtl != null;
	}

	/**
	 * Decide how leases expire in an existing bucket.
	 * @param bucket the bucket name
	 * @param bucketTtl the bucket's time to live, zero when keys never expire
	 * @param bucketAllowsMessageTtl whether the bucket accepts per-message TTLs
	 * @param serverSupportsMessageTtl whether the server supports per-message TTLs
	 * @param leaseTtl the lease time to live
	 * @return how leases expire
	 * @throws LeaderElectionException if a lease could expire too early, or never
	 */
	static LeaseExpiry of(String bucket, Duration bucketTtl, boolean bucketAllowsMessageTtl,
			boolean serverSupportsMessageTtl, Duration leaseTtl) {
		boolean expiring = !bucketTtl.isZero() && !bucketTtl.isNegative();
		if (expiring && bucketTtl.compareTo(leaseTtl) < 0) {
			throw new LeaderElectionException("Bucket '" + bucket + "' expires keys after " + bucketTtl
					+ ", before the leader election ttl of " + leaseTtl
					+ ": a new leader could be granted while the old one still leads. Set nats.leader.ttl to "
					+ bucketTtl + " or less, or use another bucket");
		}
		if (bucketAllowsMessageTtl && serverSupportsMessageTtl) {
			return new LeaseExpiry(messageTtl(leaseTtl), null);
		}
		if (!expiring) {
			throw new LeaderElectionException("Bucket '" + bucket + "' keeps keys forever"
					+ " and the server cannot give a key a ttl of its own: the lease of a leader that crashed"
					+ " would never expire. Delete the bucket so that it is created with the leader election ttl,"
					+ " or use another bucket");
		}
		String warning = (bucketTtl.compareTo(leaseTtl) > 0) ? "Bucket '" + bucket + "' expires keys after "
				+ bucketTtl + ", later than the leader election ttl of " + leaseTtl
				+ ": a leader that crashed is replaced only after " + bucketTtl : null;
		return new LeaseExpiry(null, warning);
	}

	/**
	 * Return whether a server supports per-message TTLs.
	 * @param serverInfo the server's information, {@code null} before the first connection
	 * @return {@code true} for server 2.11 and later
	 */
	static boolean supportsMessageTtl(ServerInfo serverInfo) {
		return serverInfo != null && serverInfo.isSameOrNewerThanVersion(PER_MESSAGE_TTL_VERSION);
	}

	/**
	 * Return the configuration of a new bucket for leases: one file-backed entry per key
	 * that expires with the lease time to live. On servers that support it, the bucket
	 * also accepts per-message TTLs and marks expired keys, so that watchers see a lease
	 * expire.
	 * @param bucket the bucket name
	 * @param leaseTtl the lease time to live
	 * @param serverSupportsMessageTtl whether the server supports per-message TTLs
	 * @return the bucket configuration
	 */
	static KeyValueConfiguration bucketConfiguration(String bucket, Duration leaseTtl,
			boolean serverSupportsMessageTtl) {
		KeyValueConfiguration.Builder builder = KeyValueConfiguration.builder()
			.name(bucket)
			.description("Leases of NATS Spring Boot leader elections")
			.maxHistoryPerKey(1)
			.storageType(StorageType.File)
			.ttl(leaseTtl);
		if (serverSupportsMessageTtl) {
			builder.limitMarker(leaseTtl);
		}
		return builder.build();
	}

	private static MessageTtl messageTtl(Duration ttl) {
		if (ttl.toMillis() % 1000 == 0) {
			return MessageTtl.seconds(Math.toIntExact(ttl.toSeconds()));
		}
		return MessageTtl.custom(ttl.toMillis() + "ms");
	}

}
