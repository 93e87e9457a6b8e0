package io.github.natsboot.leader;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.github.natsboot.leader.LeaderElectionStatus.Role;
import io.github.natsboot.leader.LeadershipRevokedEvent.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A {@link NatsLeaderElection} on a {@link LeaseStore}.
 *
 * <p>Followers try to create the lease every retry interval, and at once when the watch
 * sees it deleted. The leader renews it every renew interval on the revision it last
 * wrote; a failed renewal ends the term at once, and so does the lease deadline (the time
 * to live minus the safety margin after the last successful renewal was sent) when no
 * renewal succeeded in time, whatever the server is doing. A term that ends for any
 * reason but a lost lease releases the lease on its last revision, after the revoked event
 * has been handled.
 *
 * <p>The election's state belongs to its scheduler thread; requests run on its worker
 * thread and events on its events thread (see {@link ElectionThreads}).
 */
final class KeyValueLeaderElection implements NatsLeaderElection {

	private static final Log logger = LogFactory.getLog(NatsLeaderElection.class);

	private final LeaderElectionSettings settings;

	private final LeaseStore store;

	private final ApplicationEventPublisher eventPublisher;

	private final ElectionFailures failures;

	private final long ttlNanos;

	private final long localLeaseNanos;

	private final long renewNanos;

	private final long retryNanos;

	private final Object lifecycleMonitor = new Object();

	private volatile ElectionThreads threads;

	private volatile LeadershipAnnouncer announcer;

	private volatile boolean running;

	private volatile LeaseTerm currentTerm;

	private volatile LeaderSighting sighting;

	// Owned by the scheduler thread

	private boolean active;

	private boolean storeOpen;

	private boolean operationInFlight;

	private boolean leaseSeenFree;

	private LeaseTerm term;

	private long nextAttemptNanos;

	private long yieldUntilNanos;

	private ScheduledFuture<?> nextStep;

	private ScheduledFuture<?> leaseDeadline;

	private CompletableFuture<Void> stopSignal;

	KeyValueLeaderElection(LeaderElectionSettings settings, LeaseStore store,
			ApplicationEventPublisher eventPublisher) {
		this.settings = settings;
		this.store = store;
		this.eventPublisher = eventPublisher;
		this.failures = new ElectionFailures(settings);
		this.ttlNanos = settings.getTtl().toNanos();
		this.localLeaseNanos = settings.getLocalLease().toNanos();
		this.renewNanos = settings.getRenewInterval().toNanos();
		this.retryNanos = settings.getRetryInterval().toNanos();
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
		LeaderSighting seen = this.sighting;
		if (seen == null || seen.nodeId().equals(getNodeId()) || System.nanoTime() - seen.seenNanos() > this.ttlNanos) {
			return null;
		}
		return seen.nodeId();
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
		ElectionThreads current = this.threads;
		if (current == null) {
			return;
		}
		CompletableFuture<Void> yielded = new CompletableFuture<>();
		current.post(() -> {
			LeaseTerm ended = this.term;
			if (ended != null) {
				long now = System.nanoTime();
				revoke(Reason.YIELDED, null);
				release(ended.revision());
				this.yieldUntilNanos = now + this.retryNanos;
				this.nextAttemptNanos = this.yieldUntilNanos;
				step();
			}
			yielded.complete(null);
		});
		await(yielded, this.settings.getTtl());
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
			if (this.threads != null) {
				return;
			}
			ElectionThreads started = new ElectionThreads(getGroup());
			this.threads = started;
			this.announcer = new LeadershipAnnouncer(this, this.settings, this.eventPublisher, started);
			this.currentTerm = null;
			this.sighting = null;
			started.post(this::reset);
			boolean opened = openStoreOnStart(started);
			started.post(() -> activate(opened));
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
			ElectionThreads current = this.threads;
			if (current == null || !this.running) {
				return CompletableFuture.completedFuture(null);
			}
			this.running = false;
			CompletableFuture<Void> stopped = new CompletableFuture<>();
			current.post(() -> {
				this.active = false;
				cancel(this.nextStep);
				LeaseTerm ended = this.term;
				if (ended != null) {
					revoke(Reason.STOPPED, null);
					release(ended.revision());
				}
				this.stopSignal = stopped;
				finishStopWhenIdle();
			});
			return stopped;
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
			ElectionThreads current = this.threads;
			if (current != null && !this.running) {
				this.threads = null;
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
		LeaseTerm current = this.currentTerm;
		return (current != null && current.isValid(System.nanoTime())) ? current : null;
	}

	private void reset() {
		this.active = false;
		this.storeOpen = false;
		this.operationInFlight = false;
		this.leaseSeenFree = false;
		this.term = null;
		this.nextAttemptNanos = System.nanoTime();
		this.yieldUntilNanos = this.nextAttemptNanos;
	}

	private void activate(boolean storeOpened) {
		this.storeOpen = storeOpened;
		this.active = true;
		step();
	}

	private boolean openStoreOnStart(ElectionThreads started) {
		if (!this.store.isConnected()) {
			return false;
		}
		try {
			this.store.open(changeHandler(started));
			return true;
		}
		catch (LeaderElectionException ex) {
			this.threads = null;
			started.shutdown(Duration.ZERO);
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			this.failures.record("open its bucket", ex);
			return false;
		}
	}

	private Consumer<LeaseChange> changeHandler(ElectionThreads owner) {
		return (change) -> owner.post(() -> onLeaseChanged(change));
	}

	private void step() {
		cancel(this.nextStep);
		if (!this.active || this.operationInFlight || this.threads == null) {
			return;
		}
		LeaseTerm leading = this.term;
		long now = System.nanoTime();
		long due = (leading != null) ? leading.sentNanos() + this.renewNanos : this.nextAttemptNanos;
		if (now - due < 0) {
			this.nextStep = schedule(this::step, due - now);
			return;
		}
		if (leading != null) {
			renew(leading);
		}
		else if (!this.storeOpen) {
			ElectionThreads owner = this.threads;
			execute(() -> {
				this.store.open(changeHandler(owner));
				return Boolean.TRUE;
			}, this::onStoreOpened);
		}
		else {
			this.leaseSeenFree = false;
			execute(() -> {
				long sent = System.nanoTime();
				return new LeaseWrite(this.store.create(), sent);
			}, this::onAcquired);
		}
	}

	private void renew(LeaseTerm leading) {
		execute(() -> {
			long sent = System.nanoTime();
			return new LeaseWrite(OptionalLong.of(this.store.renew(leading.revision())), sent);
		}, (write, failure) -> onRenewed(leading, write, failure));
	}

	private void onStoreOpened(Boolean opened, Throwable failure) {
		if (failure != null) {
			this.failures.record("open its bucket", failure);
			this.nextAttemptNanos = System.nanoTime() + this.retryNanos;
			return;
		}
		this.storeOpen = true;
	}

	private void onAcquired(LeaseWrite write, Throwable failure) {
		long now = System.nanoTime();
		if (failure != null) {
			this.failures.record("take the lease", failure);
			this.storeOpen = false;
			this.nextAttemptNanos = now + this.retryNanos;
			return;
		}
		this.failures.clear();
		if (write.revision().isEmpty()) {
			this.nextAttemptNanos = this.leaseSeenFree ? latest(now, this.yieldUntilNanos) : now + this.retryNanos;
			return;
		}
		long revision = write.revision().getAsLong();
		long deadline = write.sentNanos() + this.localLeaseNanos;
		if (!this.active || now - deadline >= 0) {
			release(revision);
			this.nextAttemptNanos = now + this.retryNanos;
			return;
		}
		grant(new LeaseTerm(revision, revision, write.sentNanos(), deadline, Instant.now()));
	}

	private void onRenewed(LeaseTerm renewed, LeaseWrite write, Throwable failure) {
		if (this.term != renewed) {
			if (failure == null) {
				release(write.revision().getAsLong());
			}
			return;
		}
		long now = System.nanoTime();
		if (failure != null) {
			this.failures.recordLogged(failure);
			revoke(Reason.RENEWAL_FAILED, failure);
			release(renewed.revision());
			this.nextAttemptNanos = now + this.retryNanos;
			return;
		}
		this.failures.clear();
		LeaseTerm next = renewed.renewed(write.revision().getAsLong(), write.sentNanos(),
				write.sentNanos() + this.localLeaseNanos);
		this.term = next;
		this.currentTerm = next;
		scheduleLeaseDeadline(next);
	}

	private void onLeaseDeadline(LeaseTerm expiring) {
		if (this.term != expiring) {
			return;
		}
		revoke(Reason.LEASE_EXPIRED, null);
		release(expiring.revision());
		this.nextAttemptNanos = System.nanoTime() + this.retryNanos;
		step();
	}

	private void onLeaseChanged(LeaseChange change) {
		long now = System.nanoTime();
		this.sighting = (change.holder() != null) ? new LeaderSighting(change.holder(), now) : null;
		this.announcer.holderSeen(change.holder());
		if (!this.active) {
			return;
		}
		LeaseTerm leading = this.term;
		if (leading != null) {
			if (change.revision() > leading.revision() && !getNodeId().equals(change.holder())) {
				revoke(Reason.LEASE_LOST, null);
				this.nextAttemptNanos = now + this.retryNanos;
				step();
			}
			return;
		}
		if (change.holder() == null) {
			this.leaseSeenFree = true;
			this.nextAttemptNanos = latest(now, this.yieldUntilNanos);
			step();
		}
	}

	private void grant(LeaseTerm granted) {
		this.term = granted;
		this.currentTerm = granted;
		scheduleLeaseDeadline(granted);
		this.announcer.granted(granted);
	}

	private void revoke(Reason reason, Throwable cause) {
		LeaseTerm ended = this.term;
		this.term = null;
		this.currentTerm = null;
		cancel(this.leaseDeadline);
		this.announcer.revoked(ended, reason, cause);
	}

	private void scheduleLeaseDeadline(LeaseTerm leading) {
		cancel(this.leaseDeadline);
		this.leaseDeadline = schedule(() -> onLeaseDeadline(leading),
				leading.deadlineNanos() - System.nanoTime());
	}

	/**
	 * Delete the lease at a revision this node wrote, once the events published so far
	 * have been handled: a revoked event is always handled before another node can be
	 * granted the lease this node releases.
	 */
	private void release(long revision) {
		afterEvents(() -> {
			try {
				this.store.release(revision);
				logger.debug("Node '" + getNodeId() + "' released the lease of group '" + getGroup()
						+ "' at revision " + revision);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Exception ex) {
				logger.debug("Node '" + getNodeId() + "' could not release the lease of group '" + getGroup()
						+ "' at revision " + revision + "; it expires on its own", ex);
			}
		});
	}

	private void afterEvents(Runnable work) {
		ElectionThreads current = this.threads;
		if (current != null) {
			current.publish(() -> current.work(work));
		}
	}

	private <R> void execute(Callable<R> operation, BiConsumer<R, Throwable> onResult) {
		ElectionThreads owner = this.threads;
		if (owner == null) {
			return;
		}
		this.operationInFlight = true;
		owner.work(() -> {
			R result = null;
			Throwable failure = null;
			try {
				result = operation.call();
			}
			catch (Throwable ex) {
				failure = ex;
			}
			R completedResult = result;
			Throwable completedFailure = failure;
			owner.post(() -> {
				this.operationInFlight = false;
				onResult.accept(completedResult, completedFailure);
				step();
				finishStopWhenIdle();
			});
		});
	}

	private void finishStopWhenIdle() {
		CompletableFuture<Void> stopped = this.stopSignal;
		if (stopped == null || this.operationInFlight) {
			return;
		}
		this.stopSignal = null;
		afterEvents(() -> {
			this.store.close();
			stopped.complete(null);
		});
	}

	private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
		ElectionThreads current = this.threads;
		return (current != null) ? current.schedule(task, delayNanos) : null;
	}

	private static long latest(long nanos, long otherNanos) {
		return (nanos - otherNanos >= 0) ? nanos : otherNanos;
	}

	private static void cancel(ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
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

	/**
	 * The result of a write of the lease.
	 *
	 * @param revision the new revision, or empty when another node holds the lease
	 * @param sentNanos when the write was sent, by {@link System#nanoTime()}
	 */
	private record LeaseWrite(OptionalLong revision, long sentNanos) {

	}

	/**
	 * The holder of the lease as last seen by the watch.
	 *
	 * @param nodeId the holder's node id
	 * @param seenNanos when it was seen, by {@link System#nanoTime()}
	 */
	private record LeaderSighting(String nodeId, long seenNanos) {

	}

}
