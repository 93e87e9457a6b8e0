package io.github.natsboot.jetstream;

/**
 * Something {@link JetStreamAdmin} provisions: a {@link StreamDefinition stream} with its
 * consumers, a {@link ConsumerDefinition consumer} of a stream defined elsewhere, or a
 * {@link KeyValueDefinition key-value bucket} or an {@link ObjectStoreDefinition object
 * store}. Definitions are immutable; declare them as
 * beans, or under {@code nats.jetstream.*}, and they are provisioned at startup.
 */
public sealed interface JetStreamDefinition permits StreamDefinition, ConsumerDefinition, KeyValueDefinition,
		ObjectStoreDefinition {

	/**
	 * Return where this definition sits among the {@code nats.jetstream.*} properties,
	 * such as {@code streams.orders} or {@code key-value.carts}, whether it was declared
	 * there or not. Failure messages name fields with this path.
	 * @return the property path, relative to {@code nats.jetstream}
	 */
	String getPath();

	/**
	 * Return a description for log and failure messages, such as {@code stream 'orders'}.
	 * @return the description
	 */
	String describe();

}
