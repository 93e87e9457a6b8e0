package io.github.natsboot.listener;

/**
 * Creates the {@link NatsListenerMetrics} of a listener, once, when its container is
 * created.
 */
@FunctionalInterface
public interface NatsListenerMetricsFactory {

	/**
	 * A factory of metrics that record nothing.
	 */
	NatsListenerMetricsFactory NONE = (endpoint) -> NatsListenerMetrics.NONE;

	/**
	 * Create the metrics of a listener.
	 * @param endpoint the listener
	 * @return its metrics
	 */
	NatsListenerMetrics create(NatsListenerEndpoint endpoint);

}
