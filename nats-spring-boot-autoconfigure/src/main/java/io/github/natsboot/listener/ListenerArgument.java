package io.github.natsboot.listener;

/**
 * How one parameter of a listener method gets its argument for a message; chosen once,
 * when the listener is registered (see {@link ListenerArguments}).
 */
@FunctionalInterface
interface ListenerArgument {

	/**
	 * Resolve the argument.
	 * @param message the message, as spring-messaging sees it, with the NATS message
	 * @param acknowledgment the message's acknowledgment, or {@code null}
	 * @return the argument
	 * @throws Exception if it cannot be resolved
	 */
	Object resolve(NatsSpringMessage message, NatsAcknowledgment acknowledgment) throws Exception;

}
