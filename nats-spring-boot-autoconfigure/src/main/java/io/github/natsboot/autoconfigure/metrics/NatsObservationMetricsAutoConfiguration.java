package io.github.natsboot.autoconfigure.metrics;

import io.github.natsboot.metrics.NatsMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the handler that turns NATS template and listener observations
 * into meters, in place of Spring Boot's default meter handler for them: the same meters,
 * looked up once instead of per message. Applies where Boot records observations as
 * meters (its metrics auto-configuration and a {@link MeterRegistry}).
 */
@AutoConfiguration(after = MetricsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class, MetricsAutoConfiguration.class })
@ConditionalOnBean({ MeterRegistry.class, MetricsProperties.class })
public final class NatsObservationMetricsAutoConfiguration {

	/**
	 * The handler, ordered before Boot's default one: Boot gives each observation to the
	 * first meter handler that supports it, so the NATS observations come here and every
	 * other goes on to Boot's.
	 * @param meterRegistry the registry
	 * @param properties Boot's metrics properties, for the meters it ignores
	 * @return the handler
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnMissingBean
	NatsMeterObservationHandler natsMeterObservationHandler(MeterRegistry meterRegistry, MetricsProperties properties) {
		return new NatsMeterObservationHandler(meterRegistry,
				!properties.getObservations().getIgnoredMeters().contains(IgnoredMeters.LONG_TASK_TIMER));
	}

}
