package io.github.natsboot.listener;

/**
 * Creates the container that runs a listener. Several factories may exist (core NATS,
 * JetStream); the first that supports an endpoint creates its container.
 */
public interface NatsListenerContainerFactory {

	/**
	 * Whether this factory creates containers for the given endpoint.
	 * @param endpoint the endpoint
	 * @return {@code true} if it does
	 */
	boolean supports(NatsListenerEndpoint endpoint);

	/**
	 * Create the container for the given endpoint.
	 * @param endpoint the endpoint
	 * @return the container, not started
	 */
	NatsListenerContainer createContainer(NatsListenerEndpoint endpoint);

}
