package io.github.natsboot.leader;

/**
 * A change of a lease seen by the watch.
 *
 * @param holder the node id that wrote the lease, or {@code null} when it was deleted,
 * purged or expired
 * @param revision the revision of the change
 */
record LeaseChange(String holder, long revision) {

}
