package io.github.natsboot.leader;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;

import io.github.natsboot.leader.LeadershipRevokedEvent.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One run of an election, from joining to leaving, on its {@link ElectionThreads}: feeds
 * an {@link ElectionStateMachine} its inputs on the scheduler thread, then sends the
 * request it says is due to the lease store on the worker thread, or waits for it, and
 * keeps a timer on the deadline of the current term.
 */
final class ElectionLoop {

	private static final Log logger = LogFactory.getLog(NatsLeaderElection.class);

	private final LeaderElectionSettings settings;

	private final LeaseStore store;

	private final ElectionThreads threads;

	private final ElectionFailures failures;

	private final ElectionStateMachine state;

	// Owned by the scheduler thread

	private boolean requestInFlight;

	private ScheduledFuture<?> nextStep;

	private LeaseTerm deadlineTerm;

	private ScheduledFuture<?> leaseDeadline;

	private CompletableFuture<Void> stopSignal;

	ElectionLoop(LeaderElectionSettings settings, LeaseStore store, ElectionThreads threads,
			LeadershipAnnouncer announcer, ElectionFailures failures) {
		this.settings = settings;
		this.store = store;
		this.threads = threads;
		this.failures = failures;
		this.state = new ElectionStateMachine(settings, failures, new LoopEffects(announcer));
	}

	/**
	 * Return the state of this run.
	 * @return the state machine
	 */
	ElectionStateMachine state() {
		return this.state;
	}

	/**
	 * Open the lease store on the calling thread, when it can be reached.
	 * @return {@code true} if it was opened; otherwise the loop opens it in the background
	 * @throws LeaderElectionException if the bucket cannot hold the lease safely, once the
	 * threads of this run are shut down
	 */
	boolean openStoreNow() {
		if (!this.store.isConnected()) {
			return false;
		}
		try {
			this.store.open(this::onLeaseChanged);
			return true;
		}
		catch (LeaderElectionException ex) {
			shutdown(Duration.ZERO);
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

	/**
	 * Start competing for the lease.
	 * @param storeOpened whether {@link #openStoreNow()} opened the store
	 */
	void activate(boolean storeOpened) {
		post(() -> this.state.activate(storeOpened, System.nanoTime()));
	}

	/**
	 * Give up leadership, if this node leads.
	 * @return completes once leadership was given up
	 */
	CompletableFuture<Void> yieldLeadership() {
		CompletableFuture<Void> yielded = new CompletableFuture<>();
		this.threads.post(() -> {
			handle(() -> this.state.yieldLeadership(System.nanoTime()));
			yielded.complete(null);
		});
		return yielded;
	}

	/**
	 * Stop competing for the lease: a leader steps down and releases its lease once its
	 * revoked event has been handled, then the store is closed.
	 * @return completes once the store is closed
	 */
	CompletableFuture<Void> stop() {
		CompletableFuture<Void> stopped = new CompletableFuture<>();
		this.threads.post(() -> {
			this.stopSignal = stopped;
			handle(this.state::stop);
		});
		return stopped;
	}

	/**
	 * End the threads of this run.
	 * @param grace how long to let the worker and the events thread finish
	 */
	void shutdown(Duration grace) {
		this.threads.shutdown(grace);
	}

	private void onLeaseChanged(LeaseChange change) {
		post(() -> this.state.leaseChanged(change, System.nanoTime()));
	}

	private void post(Runnable input) {
		this.threads.post(() -> handle(input));
	}

	private void handle(Runnable input) {
		input.run();
		followDeadline();
		step();
		finishStopWhenIdle();
	}

	private void followDeadline() {
		LeaseTerm leading = this.state.term();
		if (leading == this.deadlineTerm) {
			return;
		}
		cancel(this.leaseDeadline);
		this.deadlineTerm = leading;
		this.leaseDeadline = (leading != null)
				? this.threads.schedule(() -> handle(() -> this.state.deadlinePassed(leading, System.nanoTime())),
						leading.deadlineNanos() - System.nanoTime())
				: null;
	}

	private void step() {
		cancel(this.nextStep);
		if (!this.state.isActive() || this.requestInFlight) {
			return;
		}
		long now = System.nanoTime();
		long due = this.state.nextRequestDueNanos();
		if (now - due < 0) {
			this.nextStep = this.threads.schedule(this::step, due - now);
			return;
		}
		LeaseTerm leading = this.state.term();
		switch (this.state.startRequest()) {
			case RENEW -> send(() -> {
				long sent = System.nanoTime();
				return new LeaseWrite(OptionalLong.of(this.store.renew(leading.revision())), sent);
			}, (write, failure) -> this.state.leaseRenewed(leading, write, failure, System.nanoTime()));
			case OPEN -> send(() -> {
				this.store.open(this::onLeaseChanged);
				return Boolean.TRUE;
			}, (opened, failure) -> this.state.storeOpened(failure, System.nanoTime()));
			case CREATE -> send(() -> {
				long sent = System.nanoTime();
				return new LeaseWrite(this.store.create(), sent);
			}, (write, failure) -> this.state.leaseCreated(write, failure, System.nanoTime()));
		}
	}

	private <R> void send(Callable<R> request, BiConsumer<R, Throwable> onResult) {
		this.requestInFlight = true;
		this.threads.work(() -> {
			R result = null;
			Throwable failure = null;
			try {
				result = request.call();
			}
			catch (Throwable ex) {
				failure = ex;
			}
			R completedResult = result;
			Throwable completedFailure = failure;
			this.threads.post(() -> {
				this.requestInFlight = false;
				handle(() -> onResult.accept(completedResult, completedFailure));
			});
		});
	}

	private void finishStopWhenIdle() {
		CompletableFuture<Void> stopped = this.stopSignal;
		if (stopped == null || this.requestInFlight) {
			return;
		}
		this.stopSignal = null;
		afterEvents(() -> {
			this.store.close();
			stopped.complete(null);
		});
	}

	/**
	 * Delete the lease at a revision this node wrote, once the events published so far
	 * have been handled: a revoked event is always handled before another node can be
	 * granted the lease this node releases.
	 */
	private void releaseAfterEvents(long revision) {
		afterEvents(() -> {
			try {
				this.store.release(revision);
				logger.debug("Node '" + this.settings.getNodeId() + "' released the lease of group '"
						+ this.settings.getGroup() + "' at revision " + revision);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Exception ex) {
				logger.debug("Node '" + this.settings.getNodeId() + "' could not release the lease of group '"
						+ this.settings.getGroup() + "' at revision " + revision + "; it expires on its own", ex);
			}
		});
	}

	private void afterEvents(Runnable work) {
		this.threads.publish(() -> this.threads.work(work));
	}

	private static void cancel(ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

	/**
	 * Carries out the effects of the state machine: announces leadership changes, and
	 * releases leases after them.
	 */
	private final class LoopEffects implements ElectionEffects {

		private final LeadershipAnnouncer announcer;

		LoopEffects(LeadershipAnnouncer announcer) {
			this.announcer = announcer;
		}

		@Override
		public void granted(LeaseTerm granted) {
			this.announcer.granted(granted);
		}

		@Override
		public void revoked(LeaseTerm ended, Reason reason, Throwable cause) {
			this.announcer.revoked(ended, reason, cause);
		}

		@Override
		public void holderSeen(String holder) {
			this.announcer.holderSeen(holder);
		}

		@Override
		public void release(long revision) {
			releaseAfterEvents(revision);
		}

	}

}
