package io.github.natsboot.core;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import io.nats.client.Connection;
import io.nats.client.Consumer;

/**
 * Lets the starter's flushes on one connection take turns. jnats counts the PING of every
 * flush (and of every drain of a subscription or dispatcher, which flushes) against
 * {@code max-pings-out}, its limit of unanswered keep-alive pings, and declares the
 * connection broken when a flush would exceed it (default 2): listener containers that
 * stop together, each draining, would make it disconnect and reconnect at shutdown. A
 * caller that does not get its turn within its timeout gets a {@link TimeoutException},
 * as from a flush that timed out.
 */
public final class NatsFlushes {

	private static final Map<Connection, ReentrantLock> turns = Collections.synchronizedMap(new WeakHashMap<>());

	private NatsFlushes() {
	}

	/**
	 * Run an action that flushes the connection while no other action given to this
	 * method runs on the same connection.
	 * @param <T> the result type
	 * @param connection the connection the action flushes
	 * @param timeout how long to wait for the turn; zero or less to wait as long as it
	 * takes
	 * @param action the action
	 * @return the action's result
	 * @throws InterruptedException if interrupted while waiting or by the action
	 * @throws TimeoutException if the turn did not come within the timeout, or from the
	 * action
	 */
	public static <T> T inTurn(Connection connection, Duration timeout, Flush<T> action)
			throws InterruptedException, TimeoutException {
		ReentrantLock turn = turns.computeIfAbsent(connection, (key) -> new ReentrantLock());
		if (timeout.isZero() || timeout.isNegative()) {
			turn.lockInterruptibly();
		}
		else if (!turn.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
			throw new TimeoutException("Other flushes of the connection took longer than " + timeout);
		}
		try {
			return action.run();
		}
		finally {
			turn.unlock();
		}
	}

	/**
	 * Flush the connection in turn with the starter's other flushes on it.
	 * @param connection the connection
	 * @param timeout how long to wait for the turn, and then for the flush
	 * @throws InterruptedException if interrupted
	 * @throws TimeoutException if the turn or the flush did not come within the timeout
	 */
	public static void flush(Connection connection, Duration timeout) throws InterruptedException, TimeoutException {
		inTurn(connection, timeout, () -> {
			connection.flush(timeout);
			return null;
		});
	}

	/**
	 * Start draining a subscription or dispatcher of the connection (a drain flushes) in
	 * turn with the starter's other flushes on it.
	 * @param connection the connection of the consumer
	 * @param consumer the subscription or dispatcher
	 * @param timeout how long to wait for the turn, and then for the drain
	 * @return the drain, as {@link Consumer#drain(Duration)} returns it
	 * @throws InterruptedException if interrupted
	 * @throws TimeoutException if the turn did not come within the timeout
	 */
	public static CompletableFuture<Boolean> drain(Connection connection, Consumer consumer, Duration timeout)
			throws InterruptedException, TimeoutException {
		return inTurn(connection, timeout, () -> consumer.drain(timeout));
	}

	/**
	 * An action that flushes a connection.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface Flush<T> {

		/**
		 * Run the action.
		 * @return its result
		 * @throws InterruptedException if interrupted
		 * @throws TimeoutException if the flush timed out
		 */
		T run() throws InterruptedException, TimeoutException;

	}

}
