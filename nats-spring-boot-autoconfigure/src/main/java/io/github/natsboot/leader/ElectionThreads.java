package io.github.natsboot.leader;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads of a running election. The scheduler thread owns the election's state and
 * never blocks, so that a lease deadline fires on time whatever the server does; the
 * worker thread talks to the server, one request at a time; the events thread publishes
 * leadership events in order, so that a slow listener delays neither.
 */
final class ElectionThreads {

	private final ScheduledThreadPoolExecutor scheduler;

	private final ExecutorService worker;

	private final ExecutorService events;

	ElectionThreads(String group) {
		this.scheduler = new ScheduledThreadPoolExecutor(1, threadFactory("nats-leader-" + group + "-"));
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.worker = Executors.newSingleThreadExecutor(threadFactory("nats-leader-" + group + "-worker-"));
		this.events = Executors.newSingleThreadExecutor(threadFactory("nats-leader-" + group + "-events-"));
	}

	/**
	 * Run a task on the scheduler thread; dropped once the threads are shut down.
	 * @param task the task
	 */
	void post(Runnable task) {
		try {
			this.scheduler.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// shut down: the election has stopped
		}
	}

	/**
	 * Run a task on the scheduler thread after a delay.
	 * @param task the task
	 * @param delayNanos the delay in nanoseconds
	 * @return the scheduled task, or {@code null} once the threads are shut down
	 */
	ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
		try {
			return this.scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			return null;
		}
	}

	/**
	 * Run a task on the worker thread, after those already given to it; dropped once the
	 * threads are shut down.
	 * @param task the task
	 */
	void work(Runnable task) {
		run(this.worker, task);
	}

	/**
	 * Run a task on the events thread, after those already given to it; dropped once the
	 * threads are shut down.
	 * @param task the task
	 */
	void publish(Runnable task) {
		run(this.events, task);
	}

	/**
	 * Stop the threads, interrupting the worker and the events thread if they are still
	 * busy after a grace period.
	 * @param grace how long to let them finish
	 */
	void shutdown(Duration grace) {
		this.scheduler.shutdownNow();
		this.events.shutdown();
		this.worker.shutdown();
		try {
			long deadline = System.nanoTime() + grace.toNanos();
			awaitOrInterrupt(this.events, deadline);
			awaitOrInterrupt(this.worker, deadline);
		}
		catch (InterruptedException ex) {
			this.events.shutdownNow();
			this.worker.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitOrInterrupt(ExecutorService executor, long deadlineNanos) throws InterruptedException {
		if (!executor.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
			executor.shutdownNow();
		}
	}

	private static void run(ExecutorService executor, Runnable task) {
		try {
			executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// shut down: the election has stopped
		}
	}

	private static CustomizableThreadFactory threadFactory(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

}
