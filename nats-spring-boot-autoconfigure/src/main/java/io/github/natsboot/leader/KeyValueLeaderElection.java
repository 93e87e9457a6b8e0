package io.github.natsboot.leader;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.leader.LeaderElectionStatus.Role;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A {@link NatsLeaderElection} on a {@link LeaseStore}: answers what this node knows of
 * the election, and joins and leaves it.
 *
 * <p>Each time it joins, an {@link ElectionLoop} runs the election on threads of its own
 * (see {@link ElectionThreads}) until it leaves: its {@link ElectionStateMachine} decides
 * when to take, renew and release the lease, and a {@link LeadershipAnnouncer} publishes
 * the leadership events.
 */
final class KeyValueLeaderElection implements NatsLeaderElection {

	private static final Log logger = LogFactory.getLog(NatsLeaderElection.class);

	private final LeaderElectionSettings settings;

	private final LeaseStore store;

	private final ApplicationEventPublisher eventPublisher;

	private final ElectionFailures failures;

	private final Object lifecycleMonitor = new Object();

	private volatile ElectionLoop loop;

	// The state of the last run, kept after it ended for what it saw
	private volatile ElectionStateMachine state;

	private volatile boolean running;

	KeyValueLeaderElection(LeaderElectionSettings settings, LeaseStore store,
			ApplicationEventPublisher eventPublisher) {
		this.settings = settings;
		this.store = store;
		this.eventPublisher = eventPublisher;
		this.failures = new ElectionFailures(settings);
	}

	@Override
	public String getGroup() {
		return this.settings.getGroup();
	}

	@Override
	public String getNodeId() {
		return this.settings.getNodeId();
	}

	@Override
	public boolean isLeader() {
		return validTerm() != null;
	}

	@Override
	public String getLeader() {
		if (isLeader()) {
			return getNodeId();
		}
		ElectionStateMachine current = this.state;
		return (current != null) ? current.holderSeen(System.nanoTime()) : null;
	}

	@Override
	public long getFencingToken() {
		LeaseTerm valid = validTerm();
		return (valid != null) ? valid.token() : 0;
	}

	@Override
	public boolean runIfLeader(Runnable task) {
		if (!isLeader()) {
			return false;
		}
		task.run();
		return true;
	}

	@Override
	public void yield() {
		ElectionLoop current = this.loop;
		if (current != null) {
			await(current.yieldLeadership(), this.settings.getTtl());
		}
	}

	@Override
	public LeaderElectionStatus getStatus() {
		LeaseTerm valid = validTerm();
		Role role = !this.running ? Role.STOPPED : (valid != null) ? Role.LEADER : Role.FOLLOWER;
		return new LeaderElectionStatus(getGroup(), getNodeId(), role, getLeader(),
				(valid != null) ? valid.token() : 0, (valid != null) ? valid.renewedAt() : null,
				this.failures.last());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Join the election. The bucket is looked up (and created when missing) at once when
	 * the server can be reached; otherwise, and after any failure, in the background.
	 * @throws LeaderElectionException if the bucket cannot hold the lease safely
	 */
	void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.loop != null) {
				return;
			}
			ElectionThreads threads = new ElectionThreads(getGroup());
			ElectionLoop started = new ElectionLoop(this.settings, this.store, threads,
					new LeadershipAnnouncer(this, this.settings, this.eventPublisher, threads), this.failures);
			this.state = started.state();
			started.activate(started.openStoreNow());
			this.loop = started;
			this.running = true;
			logger.info("Node '" + getNodeId() + "' joined the leader election of group '" + getGroup()
					+ "' (bucket '" + this.settings.getBucket() + "', ttl " + this.settings.getTtl() + ")");
		}
	}

	/**
	 * Leave the election and wait until the lease is released: a leader steps down, its
	 * revoked event is handled, then it deletes its lease so that a follower takes over at
	 * once. Waits at most the lease time to live.
	 */
	void stop() {
		awaitStop(beginStop());
	}

	/**
	 * Start leaving the election; see {@link #stop()}.
	 * @return completes once the lease has been released
	 */
	CompletableFuture<Void> beginStop() {
		synchronized (this.lifecycleMonitor) {
			ElectionLoop current = this.loop;
			if (current == null || !this.running) {
				return CompletableFuture.completedFuture(null);
			}
			this.running = false;
			return current.stop();
		}
	}

	/**
	 * Wait for a stop begun with {@link #beginStop()}, then end the election's threads.
	 * @param stopped the future returned by {@code beginStop}
	 */
	void awaitStop(CompletableFuture<Void> stopped) {
		if (!await(stopped, this.settings.getTtl())) {
			logger.warn("Leader election of group '" + getGroup() + "' did not stop within "
					+ this.settings.getTtl() + "; its lease expires on its own");
		}
		synchronized (this.lifecycleMonitor) {
			ElectionLoop current = this.loop;
			if (current != null && !this.running) {
				this.loop = null;
				current.shutdown(Duration.ofSeconds(1));
				logger.info("Node '" + getNodeId() + "' left the leader election of group '" + getGroup() + "'");
			}
		}
	}

	@Override
	public String toString() {
		return "NatsLeaderElection[group=" + getGroup() + ", nodeId=" + getNodeId() + ", leader=" + isLeader() + "]";
	}

	private LeaseTerm validTerm() {
		ElectionStateMachine current = this.state;
		LeaseTerm term = (current != null) ? current.term() : null;
		return (term != null && term.isValid(System.nanoTime())) ? term : null;
	}

	private static boolean await(CompletableFuture<Void> future, Duration timeout) {
		try {
			future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

}
