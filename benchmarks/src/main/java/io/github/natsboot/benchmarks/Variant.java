package io.github.natsboot.benchmarks;

/**
 * One side of a scenario: the starter, or raw jnats doing the same work. Opened once,
 * then run for every round, then closed.
 */
public interface Variant extends AutoCloseable {

	/**
	 * Connect, start the application, subscribe: everything that is not timed.
	 * @throws Exception if the variant cannot be set up
	 */
	void open() throws Exception;

	/**
	 * Run one round and time it, including the CPU time of the process.
	 * @param messages the messages (or requests) of the round
	 * @return what the round measured
	 * @throws Exception if the round fails or times out
	 */
	Sample run(int messages) throws Exception;

	@Override
	void close() throws Exception;

}
