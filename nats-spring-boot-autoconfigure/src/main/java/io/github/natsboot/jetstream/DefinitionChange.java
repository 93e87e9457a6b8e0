package io.github.natsboot.jetstream;

/**
 * One setting that differs between the server and a definition.
 *
 * @param property the setting, as a property path relative to {@code nats.jetstream},
 * such as {@code streams.orders.max-age}
 * @param current the value on the server, formatted for people
 * @param desired the value of the definition, formatted for people
 */
public record DefinitionChange(String property, String current, String desired) {

	@Override
	public String toString() {
		return this.property + ": " + this.current + " -> " + this.desired;
	}

}
