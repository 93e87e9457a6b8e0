package io.github.natsboot.sample.leader;

import io.github.natsboot.leader.LeaderElectionStatus;
import io.github.natsboot.leader.LeaderElectionStatus.Role;
import io.github.natsboot.leader.NatsLeaderElection;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code leadership}: the role of this instance in the leader
 * election, the current leader and the election's group. Up while the instance takes part
 * in the election, whether it leads or follows.
 */
@Component
public class LeadershipHealthIndicator extends AbstractHealthIndicator {

	private final NatsLeaderElection election;

	LeadershipHealthIndicator(NatsLeaderElection election) {
		super("Leader election status unavailable");
		this.election = election;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		LeaderElectionStatus status = this.election.getStatus();
		((status.role() != Role.STOPPED) ? builder.up() : builder.unknown()).withDetail("role", status.role())
			.withDetail("group", status.group())
			.withDetail("node", status.nodeId());
		if (status.leader() != null) {
			builder.withDetail("leader", status.leader());
		}
		if (status.role() == Role.LEADER) {
			builder.withDetail("fencingToken", status.fencingToken());
		}
		if (status.lastFailure() != null) {
			builder.withDetail("lastFailure", status.lastFailure());
		}
	}

}
