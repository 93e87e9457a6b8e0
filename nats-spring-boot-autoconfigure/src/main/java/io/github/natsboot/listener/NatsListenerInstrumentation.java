package io.github.natsboot.listener;

import io.github.natsboot.metrics.NatsListenerObservationConvention;
import io.micrometer.observation.ObservationRegistry;

/**
 * What listener containers record about the messages they process: metrics, and
 * optionally an observation per message that continues the trace whose context came in
 * the message headers. Shared by the core and the JetStream container factories; each
 * container works out its part once, when it is created.
 */
public final class NatsListenerInstrumentation {

	/**
	 * Records nothing.
	 */
	public static final NatsListenerInstrumentation NONE = new NatsListenerInstrumentation(
			NatsListenerMetricsFactory.NONE, null, null);

	private final NatsListenerMetricsFactory metricsFactory;

	private final ObservationRegistry observationRegistry;

	private final NatsListenerObservationConvention observationConvention;

	/**
	 * Create an instrumentation.
	 * @param metricsFactory creates the metrics of each listener
	 * @param observationRegistry the registry of the observations, or {@code null} not
	 * to observe
	 * @param observationConvention a convention that replaces the default one, or
	 * {@code null}
	 */
	public NatsListenerInstrumentation(NatsListenerMetricsFactory metricsFactory,
			ObservationRegistry observationRegistry, NatsListenerObservationConvention observationConvention) {
		this.metricsFactory = (metricsFactory != null) ? metricsFactory : NatsListenerMetricsFactory.NONE;
		this.observationRegistry = (observationRegistry != null && !observationRegistry.isNoop())
				? observationRegistry : null;
		this.observationConvention = observationConvention;
	}

	/**
	 * Whether listeners record an observation per message.
	 * @return {@code true} when observing
	 */
	public boolean isObserving() {
		return this.observationRegistry != null;
	}

	/**
	 * Create the handler of core messages for a listener, instrumented as this
	 * instrumentation says: for containers that subscribe to core subjects.
	 * @param endpoint the listener
	 * @param replySender sends replies and error replies
	 * @return the handler
	 */
	public CoreListenerMessageHandler coreMessageHandler(NatsListenerEndpoint endpoint, ReplySender replySender) {
		return new CoreListenerMessageHandler(invokerFor(endpoint), replySender);
	}

	ListenerInvoker invokerFor(NatsListenerEndpoint endpoint) {
		return new ListenerInvoker(endpoint, this.metricsFactory.create(endpoint), this.observationRegistry,
				this.observationConvention);
	}

}
