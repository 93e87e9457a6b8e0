package io.github.natsboot.leader;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls {@link NatsLeaderElection#isLeader()} of several candidates every millisecond
 * and remembers the most leaders seen at once.
 */
final class LeaderSampler implements AutoCloseable {

	private final List<? extends NatsLeaderElection> candidates;

	private final AtomicInteger mostLeaders = new AtomicInteger();

	private final AtomicInteger samples = new AtomicInteger();

	private final Thread thread;

	private volatile boolean running = true;

	LeaderSampler(List<? extends NatsLeaderElection> candidates) {
		this.candidates = candidates;
		this.thread = new Thread(this::sample, "leader-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	int mostLeadersAtOnce() {
		return this.mostLeaders.get();
	}

	int samples() {
		return this.samples.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join();
	}

	private void sample() {
		while (this.running) {
			int leaders = (int) this.candidates.stream().filter(NatsLeaderElection::isLeader).count();
			this.mostLeaders.accumulateAndGet(leaders, Math::max);
			this.samples.incrementAndGet();
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

}
