package io.github.natsboot.leader;

import java.time.Instant;

import io.github.natsboot.leader.LeadershipRevokedEvent.Reason;

/**
 * The decisions of one run of an election: which request of the lease store is due and
 * when, and when a term begins and ends, from the results of those requests, the changes
 * the watch sees, and the lease deadline. Runs no thread and keeps no timer: the time, by
 * {@link System#nanoTime()}, comes with each input.
 *
 * <p>Followers try to create the lease every retry interval, and at once when the watch
 * sees it deleted. The leader renews it every renew interval on the revision it last
 * wrote; a failed renewal ends the term at once, and so does the lease deadline (the time
 * to live minus the safety margin after the last successful renewal was sent). A term
 * that ends for any reason but a lost lease releases the lease on its last revision.
 *
 * <p>Called on the election's scheduler thread, but for {@link #term()} and
 * {@link #holderSeen(long)}, which any thread may call.
 */
final class ElectionStateMachine {

	private final String nodeId;

	private final long ttlNanos;

	private final long localLeaseNanos;

	private final long renewNanos;

	private final long retryNanos;

	private final ElectionFailures failures;

	private final ElectionEffects effects;

	private volatile LeaseTerm term;

	private volatile LeaderSighting sighting;

	private boolean active;

	private boolean storeOpen;

	private boolean leaseSeenFree;

	private long nextAttemptNanos;

	private long yieldUntilNanos;

	ElectionStateMachine(LeaderElectionSettings settings, ElectionFailures failures, ElectionEffects effects) {
		this.nodeId = settings.getNodeId();
		this.ttlNanos = settings.getTtl().toNanos();
		this.localLeaseNanos = settings.getLocalLease().toNanos();
		this.renewNanos = settings.getRenewInterval().toNanos();
		this.retryNanos = settings.getRetryInterval().toNanos();
		this.failures = failures;
		this.effects = effects;
	}

	/**
	 * Return the term of this node.
	 * @return the current term, or {@code null} when this node does not lead
	 */
	LeaseTerm term() {
		return this.term;
	}

	/**
	 * Return the other node that holds the lease, as the watch saw it last.
	 * @param nowNanos the time, by {@link System#nanoTime()}
	 * @return the node id of the holder, or {@code null} when the lease was free, held by
	 * this node, or not seen within its time to live
	 */
	String holderSeen(long nowNanos) {
		LeaderSighting seen = this.sighting;
		if (seen == null || seen.nodeId().equals(this.nodeId) || nowNanos - seen.seenNanos() > this.ttlNanos) {
			return null;
		}
		return seen.nodeId();
	}

	/**
	 * Return whether this node competes for the lease: activated and not stopped.
	 * @return {@code true} if requests are due
	 */
	boolean isActive() {
		return this.active;
	}

	/**
	 * Start competing for the lease: the first request is due at once.
	 * @param storeOpened whether the lease store was opened already
	 * @param nowNanos the time, by {@link System#nanoTime()}
	 */
	void activate(boolean storeOpened, long nowNanos) {
		this.storeOpen = storeOpened;
		this.nextAttemptNanos = nowNanos;
		this.yieldUntilNanos = nowNanos;
		this.active = true;
	}

	/**
	 * Return when the next request is due: the renewal of a leader, or the next attempt
	 * of a follower.
	 * @return the time it is due, by {@link System#nanoTime()}
	 */
	long nextRequestDueNanos() {
		LeaseTerm leading = this.term;
		return (leading != null) ? leading.sentNanos() + this.renewNanos : this.nextAttemptNanos;
	}

	/**
	 * Return the request to send now that it is due.
	 * @return the request: renew the lease of the {@linkplain #term() current term}, open
	 * the store, or create the lease
	 */
	Request startRequest() {
		if (this.term != null) {
			return Request.RENEW;
		}
		if (!this.storeOpen) {
			return Request.OPEN;
		}
		this.leaseSeenFree = false;
		return Request.CREATE;
	}

	/**
	 * Handle the result of opening the store.
	 * @param failure why it could not be opened, or {@code null}
	 * @param nowNanos the time, by {@link System#nanoTime()}
	 */
	void storeOpened(Throwable failure, long nowNanos) {
		if (failure != null) {
			this.failures.record("open its bucket", failure);
			this.nextAttemptNanos = nowNanos + this.retryNanos;
			return;
		}
		this.storeOpen = true;
	}

	/**
	 * Handle the result of creating the lease: a lease taken in time grants a term, one
	 * taken too late to be trusted, or while stopping, is released.
	 * @param write the write, or {@code null} when it failed
	 * @param failure why it failed, or {@code null}
	 * @param nowNanos the time, by {@link System#nanoTime()}
	 */
	void leaseCreated(LeaseWrite write, Throwable failure, long nowNanos) {
		if (failure != null) {
			this.failures.record("take the lease", failure);
			this.storeOpen = false;
			this.nextAttemptNanos = nowNanos + this.retryNanos;
			return;
		}
		this.failures.clear();
		if (write.revision().isEmpty()) {
			this.nextAttemptNanos = this.leaseSeenFree ? latest(nowNanos, this.yieldUntilNanos)
					: nowNanos + this.retryNanos;
			return;
		}
		long revision = write.revision().getAsLong();
		long deadline = write.sentNanos() + this.localLeaseNanos;
		if (!this.active || nowNanos - deadline >= 0) {
			this.effects.release(revision);
			this.nextAttemptNanos = nowNanos + this.retryNanos;
			return;
		}
		LeaseTerm granted = new LeaseTerm(revision, revision, write.sentNanos(), deadline, Instant.now());
		this.term = granted;
		this.effects.granted(granted);
	}

	/**
	 * Handle the result of renewing the lease: a failure ends the term, a success extends
	 * it, and a renewal that succeeds after its term ended is released.
	 * @param renewed the term whose lease was renewed
	 * @param write the write, or {@code null} when it failed
	 * @param failure why it failed, or {@code null}
	 * @param nowNanos the time, by {@link System#nanoTime()}
	 */
	void leaseRenewed(LeaseTerm renewed, LeaseWrite write, Throwable failure, long nowNanos) {
		if (this.term != renewed) {
			if (failure == null) {
				this.effects.release(write.revision().getAsLong());
			}
			return;
		}
		if (failure != null) {
			this.failures.recordLogged(failure);
			revoke(Reason.RENEWAL_FAILED, failure);
			this.effects.release(renewed.revision());
			this.nextAttemptNanos = nowNanos + this.retryNanos;
			return;
		}
		this.failures.clear();
		this.term = renewed.renewed(write.revision().getAsLong(), write.sentNanos(),
				write.sentNanos() + this.localLeaseNanos);
	}

	/**
	 * Handle the lease deadline of a term: the term ends unless it ended already.
	 * @param expiring the term whose deadline passed
	 * @param nowNanos the time, by {@link System#nanoTime()}
	 */
	void deadlinePassed(LeaseTerm expiring, long nowNanos) {
		if (this.term != expiring) {
			return;
		}
		revoke(Reason.LEASE_EXPIRED, null);
		this.effects.release(expiring.revision());
		this.nextAttemptNanos = nowNanos + this.retryNanos;
	}

	/**
	 * Handle a change of the lease seen by the watch: a leader whose lease another node
	 * wrote or deleted no longer leads, and a follower that sees it free tries at once.
	 * @param change the change
	 * @param nowNanos the time, by {@link System#nanoTime()}
	 */
	void leaseChanged(LeaseChange change, long nowNanos) {
		this.sighting = (change.holder() != null) ? new LeaderSighting(change.holder(), nowNanos) : null;
		this.effects.holderSeen(change.holder());
		if (!this.active) {
			return;
		}
		LeaseTerm leading = this.term;
		if (leading != null) {
			if (change.revision() > leading.revision() && !this.nodeId.equals(change.holder())) {
				revoke(Reason.LEASE_LOST, null);
				this.nextAttemptNanos = nowNanos + this.retryNanos;
			}
			return;
		}
		if (change.holder() == null) {
			this.leaseSeenFree = true;
			this.nextAttemptNanos = latest(nowNanos, this.yieldUntilNanos);
		}
	}

	/**
	 * Give up leadership, if this node leads, and compete again only after the retry
	 * interval.
	 * @param nowNanos the time, by {@link System#nanoTime()}
	 */
	void yieldLeadership(long nowNanos) {
		LeaseTerm ended = this.term;
		if (ended == null) {
			return;
		}
		revoke(Reason.YIELDED, null);
		this.effects.release(ended.revision());
		this.yieldUntilNanos = nowNanos + this.retryNanos;
		this.nextAttemptNanos = this.yieldUntilNanos;
	}

	/**
	 * Stop competing for the lease, giving up leadership if this node leads.
	 */
	void stop() {
		this.active = false;
		LeaseTerm ended = this.term;
		if (ended != null) {
			revoke(Reason.STOPPED, null);
			this.effects.release(ended.revision());
		}
	}

	private void revoke(Reason reason, Throwable cause) {
		LeaseTerm ended = this.term;
		this.term = null;
		this.effects.revoked(ended, reason, cause);
	}

	private static long latest(long nanos, long otherNanos) {
		return (nanos - otherNanos >= 0) ? nanos : otherNanos;
	}

	/**
	 * A request of the lease store.
	 */
	enum Request {

		/**
		 * Open the store and watch the lease.
		 */
		OPEN,

		/**
		 * Create the lease, if nobody holds it.
		 */
		CREATE,

		/**
		 * Renew the lease of the current term.
		 */
		RENEW

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
