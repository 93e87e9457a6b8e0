package io.github.natsboot.listener;

import java.util.Objects;

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

	/**
	 * Whether an endpoint listens on the connection a factory creates containers on.
	 * @param endpoint the endpoint
	 * @param connectionName the factory's connection, {@code null} for the default one
	 * @return whether the endpoint's connection is that one
	 */
	static boolean isOnConnection(NatsListenerEndpoint endpoint, String connectionName) {
		return Objects.equals(endpoint.getConnection(), connectionName);
	}

}
