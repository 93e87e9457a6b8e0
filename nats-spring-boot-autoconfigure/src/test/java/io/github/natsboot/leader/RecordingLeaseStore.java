package io.github.natsboot.leader;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * An in-memory {@link LeaseStore} for one node that records what is asked of it, and whose
 * writes a test can hold back.
 */
final class RecordingLeaseStore implements LeaseStore {

	private final List<String> calls;

	private long revision;

	private boolean held;

	private volatile CountDownLatch writes;

	RecordingLeaseStore(List<String> calls) {
		this.calls = calls;
	}

	static List<String> newCalls() {
		return new CopyOnWriteArrayList<>();
	}

	void holdWrites() {
		this.writes = new CountDownLatch(1);
	}

	void releaseWrites() {
		this.writes.countDown();
	}

	@Override
	public void open(Consumer<LeaseChange> changes) {
		this.calls.add("open");
	}

	synchronized void takeAway() {
		this.held = false;
		this.revision++;
		this.calls.add("taken-away");
	}

	@Override
	public OptionalLong create() throws IOException {
		awaitWrites();
		synchronized (this) {
			if (this.held) {
				return OptionalLong.empty();
			}
			this.held = true;
			this.revision++;
			this.calls.add("create:" + this.revision);
			return OptionalLong.of(this.revision);
		}
	}

	@Override
	public long renew(long expected) throws IOException {
		awaitWrites();
		synchronized (this) {
			if (!this.held || expected != this.revision) {
				throw new IOException("wrong last sequence");
			}
			this.revision++;
			this.calls.add("renew:" + this.revision);
			return this.revision;
		}
	}

	@Override
	public synchronized void release(long expected) throws IOException {
		if (!this.held || expected != this.revision) {
			this.calls.add("release-refused:" + expected);
			throw new IOException("wrong last sequence");
		}
		this.held = false;
		this.revision++;
		this.calls.add("release:" + expected);
	}

	@Override
	public boolean isConnected() {
		return true;
	}

	@Override
	public void close() {
		this.calls.add("close");
	}

	private void awaitWrites() throws IOException {
		CountDownLatch current = this.writes;
		if (current != null) {
			try {
				current.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}
	}

}
