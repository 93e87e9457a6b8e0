package io.github.natsboot.leader;

/**
 * One node's part in the leader election of a group: at most one node of a group leads at
 * any time. The lease is a key of a JetStream key-value bucket: the node that creates it
 * leads and keeps it alive with compare-and-set renewals, and the others take it over when
 * it is released or expires.
 *
 * <p>Leadership changes are published as {@link LeadershipGrantedEvent} and
 * {@link LeadershipRevokedEvent}. Leadership can end at any moment: work done as leader
 * should carry the {@linkplain #getFencingToken() fencing token} to whatever it writes, so
 * that a store can refuse the writes of a former leader.
 *
 * @see NatsLeaderElectionRegistry
 * @see LeaderOnly
 */
public interface NatsLeaderElection {

	/**
	 * Return the group this election is for.
	 * @return the group
	 */
	String getGroup();

	/**
	 * Return the id of this node.
	 * @return the node id
	 */
	String getNodeId();

	/**
	 * Return whether this node leads the group now. Turns {@code false} as soon as the
	 * lease can no longer be trusted, by this node's clock, even when the thread that
	 * renews it is blocked.
	 * @return {@code true} if this node is the leader
	 */
	boolean isLeader();

	/**
	 * Return the node id of the current leader, as far as this node knows: itself when it
	 * leads, otherwise the holder of the lease seen last, if it renewed within the time to
	 * live.
	 * @return the leader's node id, or {@code null} when there is no known leader
	 */
	String getLeader();

	/**
	 * Return the fencing token of this node's current term: the key-value revision at which
	 * it took the lease. A later term of any node has a greater token, as long as the
	 * bucket is not deleted and created again.
	 * @return the fencing token, or {@code 0} when this node does not lead
	 */
	long getFencingToken();

	/**
	 * Run a task if this node leads now. Leadership may end while the task runs: pass the
	 * {@linkplain #getFencingToken() fencing token} to the resources it changes.
	 * @param task the task
	 * @return {@code true} if the task ran
	 */
	boolean runIfLeader(Runnable task);

	/**
	 * Give up leadership if this node leads: it steps down at once, releases the lease so
	 * that another candidate takes over, and does not compete again for one retry
	 * interval. Does nothing when this node does not lead.
	 */
	void yield();

	/**
	 * Return what this node knows of the election now.
	 * @return the status
	 */
	LeaderElectionStatus getStatus();

	/**
	 * Return whether this node takes part in the election: started and not stopped.
	 * @return {@code true} if running
	 */
	boolean isRunning();

}
