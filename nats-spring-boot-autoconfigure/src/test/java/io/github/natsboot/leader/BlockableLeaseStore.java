package io.github.natsboot.leader;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import io.nats.client.JetStreamApiException;

/**
 * A {@link LeaseStore} whose renewals a test can block, as a stalled process or network
 * would: a blocked renewal waits until unblocked, then goes on.
 */
final class BlockableLeaseStore implements LeaseStore {

	private final LeaseStore delegate;

	private volatile CountDownLatch block;

	BlockableLeaseStore(LeaseStore delegate) {
		this.delegate = delegate;
	}

	void blockRenewals() {
		this.block = new CountDownLatch(1);
	}

	void unblockRenewals() {
		CountDownLatch current = this.block;
		this.block = null;
		if (current != null) {
			current.countDown();
		}
	}

	@Override
	public void open(Consumer<LeaseChange> changes) throws IOException, JetStreamApiException, InterruptedException {
		this.delegate.open(changes);
	}

	@Override
	public OptionalLong create() throws IOException, JetStreamApiException, InterruptedException {
		return this.delegate.create();
	}

	@Override
	public long renew(long revision) throws IOException, JetStreamApiException, InterruptedException {
		CountDownLatch current = this.block;
		if (current != null) {
			current.await();
		}
		return this.delegate.renew(revision);
	}

	@Override
	public void release(long revision) throws IOException, JetStreamApiException, InterruptedException {
		this.delegate.release(revision);
	}

	@Override
	public boolean isConnected() {
		return this.delegate.isConnected();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
