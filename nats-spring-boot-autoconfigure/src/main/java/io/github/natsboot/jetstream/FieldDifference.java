package io.github.natsboot.jetstream;

/**
 * A setting of a definition that differs from the server's configuration.
 *
 * @param field the setting's property name, such as {@code max-age}
 * @param current the server's value
 * @param desired the definition's value
 * @param immutable whether the server cannot change it on an existing stream, consumer
 * or bucket
 */
record FieldDifference(String field, Object current, Object desired, boolean immutable) {

	/**
	 * Return the setting as a property path, such as {@code streams.orders.max-age}.
	 */
	String property(JetStreamDefinition definition) {
		return definition.getPath() + "." + this.field;
	}

	/**
	 * Return the difference for failure messages, such as
	 * {@code stream 'orders' has 1h, the definition 2h}.
	 */
	String describe(JetStreamDefinition definition) {
		return definition.describe() + " has " + DisplayValues.format(this.current) + ", the definition "
				+ DisplayValues.format(this.desired);
	}

	DefinitionChange toChange(JetStreamDefinition definition) {
		return new DefinitionChange(property(definition), DisplayValues.format(this.current),
				DisplayValues.format(this.desired));
	}

}
