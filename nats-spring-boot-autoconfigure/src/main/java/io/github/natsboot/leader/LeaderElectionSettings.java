package io.github.natsboot.leader;

import java.time.Duration;

import io.nats.client.support.Validator;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Settings of one leader election: where the lease is kept, who competes for it and how
 * long it lasts. Built with {@link #builder()}; everything but the group has a default.
 *
 * <p>A leader holds its lease for {@link #getTtl() ttl} after its last successful renewal
 * by the server's count, and steps down on its own clock a {@link #getSafetyMargin()
 * safety margin} earlier, so that it is never still leading when the server lets another
 * candidate in.
 */
public final class LeaderElectionSettings {

	/**
	 * Name of the default bucket.
	 */
	public static final String DEFAULT_BUCKET = "leader-election";

	/**
	 * Default lease time to live.
	 */
	public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

	/**
	 * Default interval between two attempts of a follower to take the lease.
	 */
	public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);

	private static final Duration MINIMUM_TTL = Duration.ofSeconds(1);

	private final String bucket;

	private final String group;

	private final String nodeId;

	private final Duration ttl;

	private final Duration renewInterval;

	private final Duration configuredRenewInterval;

	private final Duration retryInterval;

	private LeaderElectionSettings(Builder builder) {
		this.bucket = StringUtils.hasText(builder.bucket) ? builder.bucket : DEFAULT_BUCKET;
		this.group = builder.group;
		this.nodeId = StringUtils.hasText(builder.nodeId) ? builder.nodeId : NodeIds.generate();
		this.ttl = (builder.ttl != null) ? builder.ttl : DEFAULT_TTL;
		this.configuredRenewInterval = builder.renewInterval;
		this.renewInterval = (builder.renewInterval != null) ? builder.renewInterval : this.ttl.dividedBy(3);
		this.retryInterval = (builder.retryInterval != null) ? builder.retryInterval : DEFAULT_RETRY_INTERVAL;
		validate();
	}

	/**
	 * Return a builder for new settings.
	 * @return a builder with every setting at its default
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder initialized with these settings, for example to elect in another
	 * group with the same node id and timings. A renew interval that was not set stays
	 * unset, so that it follows a new ttl.
	 * @return a builder holding a copy of these settings
	 */
	public Builder toBuilder() {
		return new Builder().bucket(this.bucket)
			.group(this.group)
			.nodeId(this.nodeId)
			.ttl(this.ttl)
			.renewInterval(this.configuredRenewInterval)
			.retryInterval(this.retryInterval);
	}

	/**
	 * Return the key-value bucket that holds the leases.
	 * @return the bucket name
	 */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * Return the group: the key of the lease in the bucket. Candidates in the same group
	 * compete for one leadership.
	 * @return the group
	 */
	public String getGroup() {
		return this.group;
	}

	/**
	 * Return the id of this candidate, stored as the lease's value while it leads.
	 * @return the node id
	 */
	public String getNodeId() {
		return this.nodeId;
	}

	/**
	 * Return how long a lease lasts after its last renewal.
	 * @return the lease time to live
	 */
	public Duration getTtl() {
		return this.ttl;
	}

	/**
	 * Return the interval between two renewals of the lease by the leader.
	 * @return the renew interval
	 */
	public Duration getRenewInterval() {
		return this.renewInterval;
	}

	/**
	 * Return the interval between two attempts of a follower to take the lease.
	 * @return the retry interval
	 */
	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	/**
	 * Return how much earlier than the server a leader considers its lease expired: a
	 * fifth of the time to live.
	 * @return the safety margin
	 */
	public Duration getSafetyMargin() {
		return this.ttl.dividedBy(5);
	}

	/**
	 * Return how long a leader leads after it sent its last successful renewal, when no
	 * further renewal succeeds: the time to live minus the safety margin.
	 * @return the local lease duration
	 */
	public Duration getLocalLease() {
		return this.ttl.minus(getSafetyMargin());
	}

	@Override
	public String toString() {
		return "LeaderElectionSettings[bucket=" + this.bucket + ", group=" + this.group + ", nodeId=" + this.nodeId
				+ ", ttl=" + this.ttl + ", renewInterval=" + this.renewInterval + ", retryInterval="
				+ this.retryInterval + "]";
	}

	private void validate() {
		Assert.hasText(this.group, "Leader election group must not be empty");
		try {
			Validator.validateBucketName(this.bucket, true);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Leader election bucket '" + this.bucket
					+ "' is not a valid bucket name: use letters, digits, '-' and '_'", ex);
		}
		try {
			Validator.validateNonWildcardKvKeyRequired(this.group);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Leader election group '" + this.group
					+ "' is not a valid key: use letters, digits and '-', '_', '/', '=' in tokens separated by '.'",
					ex);
		}
		Assert.isTrue(this.ttl.compareTo(MINIMUM_TTL) >= 0,
				() -> "Leader election ttl must be at least " + MINIMUM_TTL + " but was " + this.ttl);
		Assert.isTrue(isPositive(this.renewInterval),
				() -> "Leader election renew interval must be positive but was " + this.renewInterval);
		Assert.isTrue(this.renewInterval.compareTo(getLocalLease()) < 0,
				() -> "Leader election renew interval (" + this.renewInterval + ") must be shorter than the ttl ("
						+ this.ttl + ") minus its safety margin (" + getSafetyMargin()
						+ "), or the leader steps down before it renews");
		Assert.isTrue(isPositive(this.retryInterval),
				() -> "Leader election retry interval must be positive but was " + this.retryInterval);
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	/**
	 * Builds {@link LeaderElectionSettings}. Settings left unset take their defaults.
	 */
	public static final class Builder {

		private String bucket;

		private String group;

		private String nodeId;

		private Duration ttl;

		private Duration renewInterval;

		private Duration retryInterval;

		private Builder() {
		}

		/**
		 * Set the bucket that holds the leases; created if missing with the lease time to
		 * live.
		 * @param bucket the bucket name, or {@code null} for {@value LeaderElectionSettings#DEFAULT_BUCKET}
		 * @return this builder
		 */
		public Builder bucket(String bucket) {
			this.bucket = bucket;
			return this;
		}

		/**
		 * Set the group, the key of the lease. Required.
		 * @param group the group
		 * @return this builder
		 */
		public Builder group(String group) {
			this.group = group;
			return this;
		}

		/**
		 * Set the id of this candidate. It must be unique among the candidates of a group.
		 * @param nodeId the node id, or {@code null} for the host name, the process id and
		 * a random suffix
		 * @return this builder
		 */
		public Builder nodeId(String nodeId) {
			this.nodeId = nodeId;
			return this;
		}

		/**
		 * Set how long a lease lasts after its last renewal.
		 * @param ttl the time to live, at least one second, or {@code null} for 10 seconds
		 * @return this builder
		 */
		public Builder ttl(Duration ttl) {
			this.ttl = ttl;
			return this;
		}

		/**
		 * Set the interval between two renewals of the lease by the leader.
		 * @param renewInterval the renew interval, or {@code null} for a third of the ttl
		 * @return this builder
		 */
		public Builder renewInterval(Duration renewInterval) {
			this.renewInterval = renewInterval;
			return this;
		}

		/**
		 * Set the interval between two attempts of a follower to take the lease.
		 * @param retryInterval the retry interval, or {@code null} for one second
		 * @return this builder
		 */
		public Builder retryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws IllegalArgumentException if a setting is invalid
		 */
		public LeaderElectionSettings build() {
			return new LeaderElectionSettings(this);
		}

	}

}
