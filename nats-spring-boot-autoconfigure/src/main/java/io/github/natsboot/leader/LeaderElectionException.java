package io.github.natsboot.leader;

import io.github.natsboot.core.NatsException;

/**
 * Thrown when a leader election cannot run safely as configured, for example because its
 * bucket lets keys expire sooner than the lease.
 */
public class LeaderElectionException extends NatsException {

	/**
	 * Create a new exception.
	 * @param message the detail message
	 */
	public LeaderElectionException(String message) {
		super(message);
	}

}
