package io.github.natsboot.metrics;

import java.util.concurrent.TimeUnit;

import io.github.natsboot.listener.NatsListenerEndpoint;
import io.github.natsboot.listener.NatsListenerExecutionFailedException;
import io.github.natsboot.listener.NatsListenerMetrics;
import io.github.natsboot.listener.NatsListenerMetricsFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * {@link NatsListenerMetricsFactory} on Micrometer: registers the meters of a listener
 * once, when its container is created, tagged with the listener id and its configured
 * subjects (never the subject a message arrived on). Every listener gets the
 * {@value #PROCESS} timer; JetStream listeners also get the {@value #ACKNOWLEDGEMENTS}
 * and {@value #DEAD_LETTERS} counters.
 */
public class MicrometerNatsListenerMetricsFactory implements NatsListenerMetricsFactory {

	/**
	 * Name of the timer of listener invocations, tagged with their {@code outcome}.
	 */
	public static final String PROCESS = "nats.listener.process";

	/**
	 * Name of the counter of JetStream acknowledgements, tagged with their {@code type}:
	 * {@code ack}, {@code nak} or {@code term}.
	 */
	public static final String ACKNOWLEDGEMENTS = "nats.listener.acknowledgements";

	/**
	 * Name of the counter of dead-lettered messages, tagged with the {@code reason}.
	 */
	public static final String DEAD_LETTERS = "nats.listener.dead.letters";

	private final MeterRegistry registry;

	/**
	 * Create a factory.
	 * @param registry the registry
	 */
	public MicrometerNatsListenerMetricsFactory(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public NatsListenerMetrics create(NatsListenerEndpoint endpoint) {
		Tags tags = Tags.of("listener.id", endpoint.getId(), "subject", endpoint.getSubjectTemplate());
		ListenerMeters meters = new ListenerMeters(this.registry, tags);
		return (endpoint.getJetStream() != null)
				? new JetStreamListenerMeters(meters, this.registry, tags.and("stream", endpoint.getJetStream().stream()))
				: meters;
	}

	private static class ListenerMeters implements NatsListenerMetrics {

		private final Timer success;

		private final Timer failure;

		private final Timer notConvertible;

		ListenerMeters(MeterRegistry registry, Tags tags) {
			this.success = processTimer(registry, tags, "success");
			this.failure = processTimer(registry, tags, "failure");
			this.notConvertible = processTimer(registry, tags, "not-convertible");
		}

		private static Timer processTimer(MeterRegistry registry, Tags tags, String outcome) {
			return Timer.builder(PROCESS)
				.description("Invocations of a @NatsListener method")
				.tags(tags)
				.tag("outcome", outcome)
				.register(registry);
		}

		@Override
		public long start() {
			return System.nanoTime();
		}

		@Override
		public void processed(long start, NatsListenerExecutionFailedException failure) {
			Timer timer = (failure == null) ? this.success
					: failure.isConversionFailure() ? this.notConvertible : this.failure;
			timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}

	}

	private static final class JetStreamListenerMeters implements NatsListenerMetrics {

		private final ListenerMeters processing;

		private final Counter acks;

		private final Counter naks;

		private final Counter terms;

		private final Counter maxDeliveries;

		private final Counter notConvertible;

		JetStreamListenerMeters(ListenerMeters processing, MeterRegistry registry, Tags tags) {
			this.processing = processing;
			this.acks = acknowledgements(registry, tags, "ack");
			this.naks = acknowledgements(registry, tags, "nak");
			this.terms = acknowledgements(registry, tags, "term");
			this.maxDeliveries = deadLetters(registry, tags, "max-deliveries");
			this.notConvertible = deadLetters(registry, tags, "not-convertible");
		}

		private static Counter acknowledgements(MeterRegistry registry, Tags tags, String type) {
			return Counter.builder(ACKNOWLEDGEMENTS)
				.description("JetStream messages acknowledged by a @NatsListener")
				.tags(tags)
				.tag("type", type)
				.register(registry);
		}

		private static Counter deadLetters(MeterRegistry registry, Tags tags, String reason) {
			return Counter.builder(DEAD_LETTERS)
				.description("Messages a @NatsListener gave up on and published to its dead-letter subject")
				.tags(tags)
				.tag("reason", reason)
				.register(registry);
		}

		@Override
		public long start() {
			return this.processing.start();
		}

		@Override
		public void processed(long start, NatsListenerExecutionFailedException failure) {
			this.processing.processed(start, failure);
		}

		@Override
		public void acked() {
			this.acks.increment();
		}

		@Override
		public void naked() {
			this.naks.increment();
		}

		@Override
		public void termed() {
			this.terms.increment();
		}

		@Override
		public void deadLettered(String reason) {
			(NatsListenerMetrics.NOT_CONVERTIBLE.equals(reason) ? this.notConvertible : this.maxDeliveries).increment();
		}

	}

}
