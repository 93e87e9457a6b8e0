package io.github.natsboot.listener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.nats.client.Message;

/**
 * The results of one container's asynchronous listener invocations that have not
 * completed yet, at most as many as the listener's concurrency. A delivery thread that
 * finds no room waits, which is the backpressure: core messages wait in their
 * subscription's bounded pending queue, a JetStream worker stops pulling. It stops waiting
 * when its handler says so ({@link ListenerOutcomeHandler#stopsWaiting(Message)}) or when
 * the stopping container gives up ({@link #releaseWaiters()}). The messages of
 * outstanding results are kept alive with in-progress acknowledgements like in-flight
 * ones, and a stopping container waits for them ({@link #isIdle()}).
 */
final class OutstandingResults {

	private static final long WAIT_SLICE_MILLIS = 20;

	private final int limit;

	private final Semaphore room;

	private final Set<InFlightMessage> messages = ConcurrentHashMap.newKeySet();

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
	 * Track the message of a result taken room for, to keep it alive until it completes.
	 * @param inFlight the message as its delivery thread tracked it, whose last
	 * in-progress acknowledgement the outstanding result continues from
	 * @return the tracked message, to pass to {@link #end}
	 */
	InFlightMessage begin(InFlightMessage inFlight) {
		this.messages.add(inFlight);
		return inFlight;
	}

	/**
	 * Give back the room of a completed result.
	 * @param inFlight what {@link #begin} returned
	 */
	void end(InFlightMessage inFlight) {
		this.messages.remove(inFlight);
		this.room.release();
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
		for (InFlightMessage inFlight : this.messages) {
			inFlight.keepAlive(intervalNanos);
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
	 * Let every delivery thread waiting for room go without it: called by a container
	 * that stops and no longer waits for outstanding results.
	 */
	void releaseWaiters() {
		this.generation++;
	}

}
