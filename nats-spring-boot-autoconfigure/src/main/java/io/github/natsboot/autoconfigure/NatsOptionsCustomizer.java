package io.github.natsboot.autoconfigure;

import io.nats.client.Options;

/**
 * Callback to customize the jnats {@link Options.Builder} after the auto-configuration has
 * applied {@code nats.*} properties and before the connection is created. Beans of this
 * type are applied in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface NatsOptionsCustomizer {

	/**
	 * Customize the options builder.
	 * @param builder the builder to customize
	 */
	void customize(Options.Builder builder);

}
