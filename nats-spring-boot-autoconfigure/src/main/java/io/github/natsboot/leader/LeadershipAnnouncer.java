package io.github.natsboot.leader;

import java.util.Objects;

import io.github.natsboot.leader.LeadershipRevokedEvent.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Tells the application and the log when this node's leadership begins and ends, and
 * logs which node leads. Events are published in order on the events thread of the
 * election; the other methods are called on its scheduler thread.
 */
final class LeadershipAnnouncer {

	private static final Log logger = LogFactory.getLog(NatsLeaderElection.class);

	private final NatsLeaderElection election;

	private final LeaderElectionSettings settings;

	private final ApplicationEventPublisher eventPublisher;

	private final ElectionThreads threads;

	private String observedLeader;

	LeadershipAnnouncer(NatsLeaderElection election, LeaderElectionSettings settings,
			ApplicationEventPublisher eventPublisher, ElectionThreads threads) {
		this.election = election;
		this.settings = settings;
		this.eventPublisher = eventPublisher;
		this.threads = threads;
	}

	/**
	 * Announce that this node leads.
	 * @param granted the term that began
	 */
	void granted(LeaseTerm granted) {
		this.observedLeader = this.settings.getNodeId();
		logger.info("Node '" + this.settings.getNodeId() + "' is now the leader of group '" + this.settings.getGroup()
				+ "' (fencing token " + granted.token() + ")");
		publish(new LeadershipGrantedEvent(this.election, granted.token()));
	}

	/**
	 * Announce that this node no longer leads.
	 * @param ended the term that ended
	 * @param reason why it ended
	 * @param cause the failure that ended it, or {@code null}
	 */
	void revoked(LeaseTerm ended, Reason reason, Throwable cause) {
		String message = "Node '" + this.settings.getNodeId() + "' is no longer the leader of group '"
				+ this.settings.getGroup() + "' (fencing token " + ended.token() + "): " + describe(reason, cause);
		if (reason == Reason.STOPPED || reason == Reason.YIELDED) {
			logger.info(message);
		}
		else {
			logger.warn(message);
		}
		publish(new LeadershipRevokedEvent(this.election, ended.token(), reason));
	}

	/**
	 * Log the holder of the lease the watch saw, when it is another than the one seen
	 * before.
	 * @param holder the node id of the holder, or {@code null} when the lease is free
	 */
	void holderSeen(String holder) {
		if (Objects.equals(holder, this.observedLeader)) {
			return;
		}
		this.observedLeader = holder;
		if (holder == null) {
			logger.debug("Node '" + this.settings.getNodeId() + "' saw the lease of group '" + this.settings.getGroup()
					+ "' released");
		}
		else if (!holder.equals(this.settings.getNodeId())) {
			logger.info("Node '" + this.settings.getNodeId() + "' sees '" + holder + "' leading group '"
					+ this.settings.getGroup() + "'");
		}
	}

	private String describe(Reason reason, Throwable cause) {
		return switch (reason) {
			case RENEWAL_FAILED -> "renewing the lease failed: " + ElectionFailures.describe(cause);
			case LEASE_EXPIRED -> "no renewal succeeded within " + this.settings.getLocalLease();
			case LEASE_LOST -> "the lease was deleted or taken by another node";
			case YIELDED -> "it yielded";
			case STOPPED -> "it stopped";
		};
	}

	private void publish(LeadershipEvent event) {
		this.threads.publish(() -> {
			try {
				this.eventPublisher.publishEvent(event);
			}
			catch (Throwable ex) {
				logger.error("A listener of " + event + " failed", ex);
			}
		});
	}

}
