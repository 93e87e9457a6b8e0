package io.github.natsboot.listener;

import org.springframework.context.Lifecycle;

/**
 * Runs the subscriptions of one listener. Owned by the
 * {@link NatsListenerEndpointRegistry}, which starts and stops it with the application
 * context and by id.
 */
public interface NatsListenerContainer extends Lifecycle {

	/**
	 * The listener id.
	 * @return the id
	 */
	String getListenerId();

	/**
	 * The connection the container receives on.
	 * @return the name of a connection under {@code nats.connections}, or {@code null}
	 * for the default connection
	 */
	default String getConnectionName() {
		return null;
	}

	/**
	 * Whether the container starts with the application context.
	 * @return whether to start automatically
	 */
	boolean isAutoStartup();

	/**
	 * Stop receiving messages without stopping the container; messages already received
	 * are still processed.
	 */
	void pause();

	/**
	 * Receive messages again after {@link #pause()}.
	 */
	void resume();

	/**
	 * Whether the container is paused.
	 * @return {@code true} while paused
	 */
	boolean isPaused();

	/**
	 * Messages the client dropped for this listener because its pending limits were
	 * reached (a slow consumer).
	 * @return the number of dropped messages
	 */
	long getDroppedCount();

	/**
	 * Whether the container is in the state it was last asked to be in: {@code true} when
	 * it was never started, was stopped, is paused, or runs and receives messages;
	 * {@code false} when its last start failed, or when it runs but has lost its
	 * subscriptions or pulls and could not get them back. Health checks report a
	 * container that is not in its expected state.
	 * @return whether the container is in its expected state
	 */
	boolean isInExpectedState();

}
