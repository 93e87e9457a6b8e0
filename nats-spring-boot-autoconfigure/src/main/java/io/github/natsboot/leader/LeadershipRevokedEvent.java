package io.github.natsboot.leader;

/**
 * Published when this node stops leading a group. By then
 * {@link NatsLeaderElection#isLeader()} is already {@code false}.
 */
public class LeadershipRevokedEvent extends LeadershipEvent {

	private final Reason reason;

	/**
	 * Create a new event.
	 * @param election the election this node no longer leads
	 * @param fencingToken the fencing token of the term that ended
	 * @param reason why the term ended
	 */
	public LeadershipRevokedEvent(NatsLeaderElection election, long fencingToken, Reason reason) {
		super(election, fencingToken);
		this.reason = reason;
	}

	/**
	 * Return why the term ended.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return "LeadershipRevokedEvent[group=" + getGroup() + ", nodeId=" + getNodeId() + ", fencingToken="
				+ getFencingToken() + ", reason=" + this.reason + "]";
	}

	/**
	 * Why a term ended.
	 */
	public enum Reason {

		/**
		 * A renewal of the lease failed: the server was unreachable or did not answer in
		 * time, or the lease was no longer at the expected revision.
		 */
		RENEWAL_FAILED,

		/**
		 * No renewal succeeded within the lease, by this node's clock.
		 */
		LEASE_EXPIRED,

		/**
		 * The lease was deleted or written by someone else.
		 */
		LEASE_LOST,

		/**
		 * The node {@linkplain NatsLeaderElection#yield() yielded}.
		 */
		YIELDED,

		/**
		 * The election was stopped, typically because the application shuts down.
		 */
		STOPPED

	}

}
