package io.github.natsboot.leader;

/**
 * Published when this node becomes the leader of a group.
 */
public class LeadershipGrantedEvent extends LeadershipEvent {

	/**
	 * Create a new event.
	 * @param election the election this node now leads
	 * @param fencingToken the fencing token of the new term
	 */
	public LeadershipGrantedEvent(NatsLeaderElection election, long fencingToken) {
		super(election, fencingToken);
	}

	@Override
	public String toString() {
		return "LeadershipGrantedEvent[group=" + getGroup() + ", nodeId=" + getNodeId() + ", fencingToken="
				+ getFencingToken() + "]";
	}

}
