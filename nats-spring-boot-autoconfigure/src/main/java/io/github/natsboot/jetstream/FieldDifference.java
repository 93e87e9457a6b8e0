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

	DefinitionChange toChange(JetStreamDefinition definition) {
		return new DefinitionChange(definition.getPath() + "." + this.field, DisplayValues.format(this.current),
				DisplayValues.format(this.desired));
	}

}
