package io.github.natsboot.aot;

import io.nats.client.Dispatcher;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for what NATS support loads reflectively or as a
 * resource. jnats reads its client version from {@value #JNATS_VERSION_RESOURCE} when
 * {@code io.nats.client.Nats} initializes; it creates the classes named in its options
 * ({@code dataPortType}, executor and thread factory classes) by name only when they
 * differ from its defaults, which the starter never changes. Listener endpoints of a NATS
 * service subscribe through a JDK proxy of {@link Dispatcher}. Listener methods are covered
 * by {@link NatsListenerReflectiveProcessor}.
 */
public class NatsRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The jnats resource that holds the client version.
	 */
	public static final String JNATS_VERSION_RESOURCE = "io/nats/jnats/version.properties";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern(JNATS_VERSION_RESOURCE);
		hints.proxies().registerJdkProxy(Dispatcher.class);
	}

}
