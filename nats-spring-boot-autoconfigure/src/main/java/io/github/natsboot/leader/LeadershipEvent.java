package io.github.natsboot.leader;

import org.springframework.context.ApplicationEvent;

/**
 * Base class of the events published when this node's leadership of a group changes.
 * Events of one election are published in order on a thread of that election, which
 * neither renews the lease nor waits for the server. A leader that stops or yields
 * releases its lease only once its revoked event has been handled, so that work stopped
 * by a listener ends before another node is granted; a slow listener therefore delays
 * the handover and the events that follow.
 */
public abstract class LeadershipEvent extends ApplicationEvent {

	private final String group;

	private final String nodeId;

	private final long fencingToken;

	/**
	 * Create a new event.
	 * @param election the election whose leadership changed
	 * @param fencingToken the fencing token of the term
	 */
	protected LeadershipEvent(NatsLeaderElection election, long fencingToken) {
		super(election);
		this.group = election.getGroup();
		this.nodeId = election.getNodeId();
		this.fencingToken = fencingToken;
	}

	/**
	 * Return the election whose leadership changed.
	 * @return the election
	 */
	public NatsLeaderElection getElection() {
		return (NatsLeaderElection) getSource();
	}

	/**
	 * Return the group.
	 * @return the group
	 */
	public String getGroup() {
		return this.group;
	}

	/**
	 * Return the id of this node.
	 * @return the node id
	 */
	public String getNodeId() {
		return this.nodeId;
	}

	/**
	 * Return the fencing token of the term that began or ended.
	 * @return the fencing token
	 */
	public long getFencingToken() {
		return this.fencingToken;
	}

}
