package io.github.natsboot.leader;

import io.github.natsboot.leader.LeadershipRevokedEvent.Reason;

/**
 * What follows from the decisions of an {@link ElectionStateMachine} beyond its own
 * state: leadership changes to announce, and leases to release. Called on the scheduler
 * thread of the election.
 */
interface ElectionEffects {

	/**
	 * This node leads from now on.
	 * @param granted the term that began
	 */
	void granted(LeaseTerm granted);

	/**
	 * This node no longer leads.
	 * @param ended the term that ended
	 * @param reason why it ended
	 * @param cause the failure that ended it, or {@code null}
	 */
	void revoked(LeaseTerm ended, Reason reason, Throwable cause);

	/**
	 * Delete the lease at a revision this node wrote, once the leadership changes
	 * announced so far have been handled.
	 * @param revision the revision
	 */
	void release(long revision);

	/**
	 * The watch saw who holds the lease.
	 * @param holder the node id of the holder, or {@code null} when the lease is free
	 */
	void holderSeen(String holder);

}
