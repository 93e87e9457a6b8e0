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
	 * Phase of the log appenders: after everything else has stopped (and logged its
	 * shutdown), what they have queued is published before the connection drains.
	 */
	public static final int LOGGING = Integer.MIN_VALUE + 1500;

	/**
	 * Phase of the listener containers: started after everything else is ready, stopped
	 * first.
	 */
	public static final int LISTENERS = Integer.MAX_VALUE - 1000;

	/**
	 * Phase of leader election: started before the listener containers and stopped after
	 * them, so that a listener never works for a leadership already handed over; stopped
	 * before the template and the connection, so that a leader can still release its
	 * lease.
	 */
	public static final int LEADER_ELECTION = Integer.MAX_VALUE - 2000;

	private NatsLifecyclePhases() {
	}

}
