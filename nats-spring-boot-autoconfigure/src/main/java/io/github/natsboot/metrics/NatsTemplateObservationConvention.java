package io.github.natsboot.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of {@link NatsTemplateObservation}: declare a bean to
 * change the name or the keys of template observations.
 */
public interface NatsTemplateObservationConvention extends ObservationConvention<NatsSenderContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NatsSenderContext;
	}

	@Override
	default String getName() {
		return "nats.template";
	}

}
