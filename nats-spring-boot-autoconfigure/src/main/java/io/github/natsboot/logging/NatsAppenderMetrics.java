package io.github.natsboot.logging;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Registers the counts of {@link NatsAppender NatsAppenders} as meters, read from the
 * appenders' own counters (nothing is done per event):
 * {@code nats.logging.events} function counters tagged {@code outcome} ({@code shipped},
 * {@code dropped}, {@code failed}) and {@code nats.logging.queue.size} gauges, all tagged
 * with the {@code appender} name.
 */
public class NatsAppenderMetrics implements MeterBinder {

	private static final String EVENTS_DESCRIPTION = "Log events of the NATS appender by outcome: shipped, "
			+ "dropped (never shipped: queue full, not encodable, too large, or queued at shutdown) "
			+ "and failed (publish attempts retried)";

	private final Supplier<List<NatsAppender>> appenders;

	/**
	 * Create a binder for the appenders returned by the supplier when binding.
	 * @param appenders the appenders to measure
	 */
	public NatsAppenderMetrics(Supplier<List<NatsAppender>> appenders) {
		this.appenders = appenders;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (NatsAppender appender : this.appenders.get()) {
			String name = (appender.getName() != null) ? appender.getName() : "nats";
			counter(registry, appender, name, "shipped", NatsAppender::getShippedCount);
			counter(registry, appender, name, "dropped", NatsAppender::getDroppedCount);
			counter(registry, appender, name, "failed", NatsAppender::getFailedCount);
			Gauge.builder("nats.logging.queue.size", appender, NatsAppender::getQueuedCount)
				.description("Log events waiting to be published to NATS")
				.tag("appender", name)
				.strongReference(true)
				.register(registry);
		}
	}

	private static void counter(MeterRegistry registry, NatsAppender appender, String name, String outcome,
			ToDoubleFunction<NatsAppender> count) {
		FunctionCounter.builder("nats.logging.events", appender, count)
			.description(EVENTS_DESCRIPTION)
			.tag("appender", name)
			.tag("outcome", outcome)
			.register(registry);
	}

}
