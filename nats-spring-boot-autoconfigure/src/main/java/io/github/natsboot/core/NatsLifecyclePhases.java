package io.github.natsboot.core;

/**
 * Lifecycle phases of the starter's components. Spring stops higher phases first, so
 * listeners stop before the template waits for its pending acknowledgements, and the
 * connection drains last.
 */
public final class NatsLifecyclePhases {

	/**
	 * Phase of the connection: drained and closed after everything else.
	 */
	public static final int CONNECTION = Integer.MIN_VALUE + 1000;

	/**
	 * Phase of the template: waits for pending JetStream acknowledgements before the
	 * connection drains.
	 */
	public static final int TEMPLATE = Integer.MIN_VALUE + 2000;

	/**
	 * Phase of the listener containers: started after everything else is ready, stopped
	 * first.
	 */
	public static final int LISTENERS = Integer.MAX_VALUE - 1000;

	private NatsLifecyclePhases() {
	}

}
