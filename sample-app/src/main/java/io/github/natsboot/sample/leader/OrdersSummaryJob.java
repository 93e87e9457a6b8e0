package io.github.natsboot.sample.leader;

import java.time.Instant;

import io.github.natsboot.core.NatsOperations;
import io.github.natsboot.leader.LeaderOnly;
import io.github.natsboot.leader.NatsLeaderElection;
import io.github.natsboot.sample.SampleProperties;
import io.github.natsboot.sample.order.Orders;
import io.github.natsboot.sample.order.StreamStates;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes an {@link OrdersSummary} to {@code sample.summary.subject} every
 * {@code sample.summary.interval} (30 s by default). Every instance schedules it and only
 * the leader of the election runs it.
 */
@Component
public class OrdersSummaryJob {

	private final NatsOperations nats;

	private final NatsLeaderElection election;

	private final StreamStates streamStates;

	private final String subject;

	OrdersSummaryJob(NatsOperations nats, NatsLeaderElection election, StreamStates streamStates,
			SampleProperties properties) {
		this.nats = nats;
		this.election = election;
		this.streamStates = streamStates;
		this.subject = properties.getSummary().getSubject();
	}

	/**
	 * Publish the summary, on the leader only.
	 */
	@Scheduled(fixedRateString = "${sample.summary.interval:30s}", initialDelayString = "${sample.summary.interval:30s}")
	@LeaderOnly
	public void publishSummary() {
		OrdersSummary summary = new OrdersSummary(this.election.getNodeId(), this.election.getFencingToken(),
				this.streamStates.get(Orders.STREAM).getMsgCount(),
				this.streamStates.get(Orders.DEAD_LETTER_STREAM).getMsgCount(), Instant.now());
		this.nats.publish(this.subject, summary);
	}

}
