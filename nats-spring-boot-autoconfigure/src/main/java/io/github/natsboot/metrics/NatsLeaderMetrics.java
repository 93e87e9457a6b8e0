package io.github.natsboot.metrics;

import io.github.natsboot.leader.NatsLeaderElection;
import io.github.natsboot.leader.NatsLeaderElectionRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link MeterBinder} with a {@code nats.leader} gauge per leader election group: 1 while
 * this node leads the group, 0 otherwise, read from the election when the gauge is
 * published. Covers the elections that exist when the meters are bound.
 */
public class NatsLeaderMetrics implements MeterBinder {

	private final NatsLeaderElectionRegistry elections;

	/**
	 * Create the binder.
	 * @param elections the elections of this node
	 */
	public NatsLeaderMetrics(NatsLeaderElectionRegistry elections) {
		this.elections = elections;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (NatsLeaderElection election : this.elections.getElections()) {
			Gauge.builder("nats.leader", election, (candidate) -> candidate.isLeader() ? 1 : 0)
				.description("1 while this node leads the group, 0 otherwise")
				.tag("group", election.getGroup())
				.strongReference(true)
				.register(registry);
		}
	}

}
