package io.github.natsboot.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of {@link NatsListenerObservation}: declare a bean to
 * change the name or the keys of listener observations.
 */
public interface NatsListenerObservationConvention extends ObservationConvention<NatsReceiverContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NatsReceiverContext;
	}

	@Override
	default String getName() {
		return "nats.listener";
	}

}
