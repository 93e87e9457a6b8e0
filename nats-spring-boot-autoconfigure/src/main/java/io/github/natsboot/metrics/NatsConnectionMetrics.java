package io.github.natsboot.metrics;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;
import io.nats.client.Statistics;

/**
 * {@link MeterBinder} for a NATS {@link Connection}: its status and the client's own
 * {@link Statistics}, read when the meters are published, so that they cost nothing per
 * message. Meters are tagged with the {@code connection} name.
 */
public class NatsConnectionMetrics implements MeterBinder {

	private final Connection connection;

	private final NatsSlowConsumerCounter slowConsumers;

	private final Tags tags;

	/**
	 * Create the binder.
	 * @param connection the connection
	 * @param slowConsumers counts slow consumers, or {@code null} not to register the
	 * slow consumer counter
	 * @param connectionName the value of the {@code connection} tag
	 */
	public NatsConnectionMetrics(Connection connection, NatsSlowConsumerCounter slowConsumers,
			String connectionName) {
		this.connection = connection;
		this.slowConsumers = slowConsumers;
		this.tags = Tags.of(NatsConnectionTag.KEY, connectionName);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Connection.Status status : Connection.Status.values()) {
			Gauge.builder("nats.connection.status", this.connection, (c) -> (c.getStatus() == status) ? 1 : 0)
				.description("1 for the current status of the connection, 0 for the others")
				.tags(this.tags)
				.tag("status", status.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		counter(registry, "nats.connection.messages", "in", null, "Messages received", Statistics::getInMsgs);
		counter(registry, "nats.connection.messages", "out", null, "Messages sent", Statistics::getOutMsgs);
		counter(registry, "nats.connection.bytes", "in", BaseUnits.BYTES, "Bytes received", Statistics::getInBytes);
		counter(registry, "nats.connection.bytes", "out", BaseUnits.BYTES, "Bytes sent", Statistics::getOutBytes);
		counter(registry, "nats.connection.reconnects", null, null, "Reconnections", Statistics::getReconnects);
		counter(registry, "nats.connection.dropped", null, BaseUnits.MESSAGES,
				"Messages the client dropped because a subscription's pending limits were reached",
				Statistics::getDroppedCount);
		Gauge.builder("nats.connection.requests.outstanding", this.connection,
				(c) -> c.getStatistics().getOutstandingRequests())
			.description("Requests awaiting their reply")
			.tags(this.tags)
			.register(registry);
		if (this.slowConsumers != null) {
			Connection counted = this.connection;
			FunctionCounter.builder("nats.connection.slow.consumers", this.slowConsumers,
					(slowConsumers) -> slowConsumers.getCount(counted))
				.description("Slow consumers reported by the client")
				.tags(this.tags)
				.register(registry);
		}
	}

	private void counter(MeterRegistry registry, String name, String direction, String baseUnit, String description,
			ToDoubleFunction<Statistics> value) {
		FunctionCounter.Builder<Connection> builder = FunctionCounter
			.builder(name, this.connection, (c) -> value.applyAsDouble(c.getStatistics()))
			.description(description)
			.baseUnit(baseUnit)
			.tags(this.tags);
		if (direction != null) {
			builder.tag("direction", direction);
		}
		builder.register(registry);
	}

}
