package io.github.natsboot.core;

/**
 * Called for each permission violation the server reports on the connection. Beans of this
 * type are called by the auto-configured {@link NatsPermissionViolations}.
 */
@FunctionalInterface
public interface NatsPermissionViolationListener {

	/**
	 * Handle a violation. Called on the connection's callback thread: do not block.
	 * @param violation the violation
	 */
	void onViolation(NatsPermissionViolation violation);

}
