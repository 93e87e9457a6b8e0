package io.github.natsboot.leader;

import java.util.OptionalLong;

/**
 * The result of a write of the lease.
 *
 * @param revision the new revision, or empty when another node holds the lease
 * @param sentNanos when the write was sent, by {@link System#nanoTime()}
 */
record LeaseWrite(OptionalLong revision, long sentNanos) {

}
