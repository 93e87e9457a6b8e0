package io.github.natsboot.listener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.nats.client.Message;

/**
 * The results of one container's asynchronous listener invocations that have not
 * completed yet, at most as many as the listener's concurrency. A delivery thread that
 * finds no room waits, which is the backpressure: core messages wait in their
 * subscription's bounded pending queue, a JetStream worker stops pulling. It stops waiting
 * when its handler says so ({@link ListenerOutcomeHandler#stopsWaiting(Message)}) or when
 * the stopping container gives up ({@link #abandon()}). The messages of
 * outstanding results are kept alive with in-progress acknowledgements like in-flight
 * ones, and a stopping container waits for them ({@link #isIdle()}).
 */
final class OutstandingResults {

	private static final long WAIT_SLICE_MILLIS = 20;

	private final int limit;

	private final Semaphore room;

	private final Set<Result> results = ConcurrentHashMap.newKeySet();

	private volatile int generation;

	OutstandingResults(int limit) {
		this.limit = limit;
		this.room = new Semaphore(limit);
	}

	/**
	 * Wait for room for one more result.
	 * @param message the message the result is for
	 * @param handler tells whether to stop waiting
	 * @return {@code true} with room taken (give it back with {@link #end}),
	 * {@code false} if waiting was given up
	 */
	boolean acquire(Message message, ListenerOutcomeHandler handler) {
		if (this.room.tryAcquire()) {
			return true;
		}
		int generation = this.generation;
		try {
			while (!this.room.tryAcquire(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
				if (generation != this.generation || handler.stopsWaiting(message)) {
					return false;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		if (generation != this.generation) {
			this.room.release();
			return false;
		}
		return true;
	}

	/**
	 * Track the result of an invocation that took room, to keep its message alive until
	 * it completes.
	 * @param inFlight the message as its delivery thread tracked it, whose last
	 * in-progress acknowledgement the outstanding result continues from
	 * @return the tracked result, to pass to {@link #end}
	 */
	Result begin(InFlightMessage inFlight) {
		Result result = new Result(inFlight);
		this.results.add(result);
		return result;
	}

	/**
	 * Give back the room of a completed result, unless the container has already
	 * abandoned it.
	 * @param result what {@link #begin} returned
	 */
	void end(Result result) {
		if (result.settle()) {
			this.results.remove(result);
			this.room.release();
		}
	}

	/**
	 * Whether no result is outstanding.
	 * @return {@code true} when idle
	 */
	boolean isIdle() {
		return this.room.availablePermits() >= this.limit;
	}

	/**
	 * The number of outstanding results.
	 * @return the count
	 */
	int size() {
		return Math.max(0, this.limit - this.room.availablePermits());
	}

	/**
	 * Send in-progress acknowledgements for outstanding results' messages, as
	 * {@link InFlightMessage#keepAlive(long)} does.
	 * @param intervalNanos the interval
	 */
	void keepAlive(long intervalNanos) {
		for (Result result : this.results) {
			result.inFlight.keepAlive(intervalNanos);
		}
	}

	/**
	 * Wait until no result is outstanding, or the deadline.
	 * @param deadlineNanos the deadline, in {@link System#nanoTime()} terms
	 * @return {@code true} if idle
	 */
	boolean awaitIdle(long deadlineNanos) {
		while (!isIdle()) {
			if (System.nanoTime() - deadlineNanos >= 0) {
				return false;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * Settle a message whose delivery thread stopped waiting for room: with the thread's
	 * interrupt (a dispatcher closed at the stop timeout interrupts its thread) held back
	 * meanwhile, since jnats does not publish from an interrupted thread.
	 * @param settlement what to do with the message
	 */
	static void settleUnprocessed(Runnable settlement) {
		boolean interrupted = Thread.interrupted();
		try {
			settlement.run();
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Give up on what is outstanding: called by a stopping container that waits no
	 * longer. Delivery threads waiting for room go without it, and results not complete
	 * yet no longer count against the bound nor are kept alive (their JetStream messages
	 * are redelivered after their ack wait); whatever completes later is still settled.
	 * @return the number of results given up on
	 */
	int abandon() {
		this.generation++;
		int abandoned = 0;
		for (Result result : this.results) {
			if (result.settle()) {
				this.results.remove(result);
				this.room.release();
				abandoned++;
			}
		}
		return abandoned;
	}

	/**
	 * An outstanding result: its message, and whether its room was given back.
	 */
	static final class Result {

		private final InFlightMessage inFlight;

		private final AtomicBoolean settled = new AtomicBoolean();

		private Result(InFlightMessage inFlight) {
			this.inFlight = inFlight;
		}

		private boolean settle() {
			return this.settled.compareAndSet(false, true);
		}

	}

}
