package io.github.natsboot.leader;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.nats.client.JetStreamApiException;

/**
 * Where the lease of one group is kept, written with compare-and-set. Called from one
 * thread at a time.
 */
interface LeaseStore {

	/**
	 * Find the bucket (creating it when missing), check that it can hold the lease, and
	 * watch the lease. Closes what a previous call opened.
	 * @param changes receives every change of the lease, on a thread of the client
	 * @throws LeaderElectionException if the bucket cannot hold the lease safely
	 */
	void open(Consumer<LeaseChange> changes) throws IOException, JetStreamApiException, InterruptedException;

	/**
	 * Take the lease for this node if nobody holds it.
	 * @return the revision of the new lease, or empty if another node holds it
	 */
	OptionalLong create() throws IOException, JetStreamApiException, InterruptedException;

	/**
	 * Renew the lease, only if it is still at the given revision.
	 * @param revision the revision of the last write of this node
	 * @return the new revision
	 */
	long renew(long revision) throws IOException, JetStreamApiException, InterruptedException;

	/**
	 * Delete the lease, only if it is still at the given revision.
	 * @param revision the revision of the last write of this node
	 */
	void release(long revision) throws IOException, JetStreamApiException, InterruptedException;

	/**
	 * Return whether the store can be reached now. Operations fail at once when it cannot,
	 * rather than being buffered and sent late.
	 * @return {@code true} if connected
	 */
	boolean isConnected();

	/**
	 * Stop watching the lease.
	 */
	void close();

}
