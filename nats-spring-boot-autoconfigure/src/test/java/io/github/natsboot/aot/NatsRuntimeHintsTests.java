package io.github.natsboot.aot;

import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.aot.AotServices;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NatsRuntimeHints}.
 */
class NatsRuntimeHintsTests {

	@Test
	void registrarIsListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(NatsRuntimeHints.class::isInstance);
	}

	@Test
	void dispatcherProxyOfServiceEndpointsIsIncluded() {
		RuntimeHints hints = new RuntimeHints();
		new NatsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Dispatcher.class)).accepts(hints);
	}

	@Test
	void jnatsVersionResourceIsIncluded() {
		RuntimeHints hints = new RuntimeHints();
		new NatsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource(NatsRuntimeHints.JNATS_VERSION_RESOURCE))
			.accepts(hints);
		assertThat(Nats.class.getResource("/" + NatsRuntimeHints.JNATS_VERSION_RESOURCE))
			.as("the resource jnats reads").isNotNull();
	}

}
