package io.github.natsboot.devserver;

/**
 * Runs the dev server in a container when no {@code nats-server} executable is found.
 */
interface NatsDevServerContainers {

	/**
	 * Tells why no container can be run here.
	 * @return the reason, or {@code null} when containers can be run
	 */
	String unavailableReason();

	/**
	 * Starts a container and waits until the server in it is ready.
	 * @param settings the dev server settings
	 * @return the running server
	 */
	NatsDevServer start(NatsDevServerSettings settings);

}
