package io.github.natsboot.leader;

import java.time.Instant;

/**
 * One term of leadership of this node, from the write that took the lease to the end of
 * its last renewal.
 *
 * @param token the fencing token: the revision that took the lease
 * @param revision the revision of the last successful write
 * @param sentNanos when the last successful write was sent, by {@link System#nanoTime()}
 * @param deadlineNanos when the lease ends by this node's clock, unless renewed
 * @param renewedAt when the last successful write was acknowledged
 */
record LeaseTerm(long token, long revision, long sentNanos, long deadlineNanos, Instant renewedAt) {

	LeaseTerm renewed(long revision, long sentNanos, long deadlineNanos) {
		return new LeaseTerm(this.token, revision, sentNanos, deadlineNanos, Instant.now());
	}

	boolean isValid(long nowNanos) {
		return nowNanos - this.deadlineNanos < 0;
	}

}
