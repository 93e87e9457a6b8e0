package io.github.natsboot.devserver;

/**
 * A local NATS server with JetStream that the application started for itself, for
 * {@code spring-boot:run} and demos: a {@code nats-server} process or, without one, a container.
 * It is closed with the application and never outlives the JVM.
 */
public interface NatsDevServer extends AutoCloseable {

	/**
	 * Returns the URL clients connect to.
	 * @return a {@code nats://} URL on the loopback interface
	 */
	String getUrl();

	/**
	 * Tells whether the server is still running.
	 * @return {@code true} until the server has been closed or has exited
	 */
	boolean isRunning();

	/**
	 * Stops the server and deletes the temporary files it created. A configured store directory
	 * is kept.
	 */
	@Override
	void close();

}
