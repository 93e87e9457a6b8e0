package io.github.natsboot.leader;

import java.time.Instant;

/**
 * What one node knows of the election of a group at one moment, for health checks and
 * diagnostics.
 *
 * @param group the group
 * @param nodeId the id of this node
 * @param role the role of this node
 * @param leader the node id of the current leader as far as this node knows, or
 * {@code null}
 * @param fencingToken the fencing token of this node's term, or {@code 0} when it does
 * not lead
 * @param lastRenewal when this node last renewed its lease, or {@code null} when it does
 * not lead
 * @param lastFailure why the last attempt to reach the lease failed, or {@code null}
 * when it succeeded
 */
public record LeaderElectionStatus(String group, String nodeId, Role role, String leader, long fencingToken,
		Instant lastRenewal, String lastFailure) {

	/**
	 * The role of a node in an election.
	 */
	public enum Role {

		/**
		 * The node leads the group.
		 */
		LEADER,

		/**
		 * The node takes part in the election and does not lead.
		 */
		FOLLOWER,

		/**
		 * The node does not take part in the election.
		 */
		STOPPED

	}

}
