package io.github.natsboot.metrics;

import java.util.concurrent.TimeUnit;

import io.github.natsboot.listener.NatsListenerEndpoint;
import io.github.natsboot.listener.NatsListenerExecutionFailedException;
import io.github.natsboot.listener.NatsListenerMetrics;
import io.github.natsboot.listener.NatsListenerMetricsFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * {@link NatsListenerMetricsFactory} on Micrometer: registers the meters of a listener
 * once, when its container is created, tagged with the listener id and its configured
 * subjects (never the subject a message arrived on). Every listener gets the
 * {@value #PROCESS} timer and the {@value #REPLY_FAILURES} counter; JetStream listeners
 * on durable consumers also get the {@value #ACKNOWLEDGEMENTS}, {@value #DEAD_LETTERS} and
 * {@value #DEAD_LETTER_FAILURES} counters (ordered listeners neither acknowledge nor
 * dead-letter), and batch listeners the {@value #BATCH_SIZE} distribution summary.
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

	/**
	 * Name of the counter of requests whose answer could not be sent as intended (the
	 * reply value replaced by an error reply, or the error reply by the minimal one).
	 */
	public static final String REPLY_FAILURES = "nats.listener.reply.failures";

	/**
	 * Name of the counter of failed attempts to publish a dead letter.
	 */
	public static final String DEAD_LETTER_FAILURES = "nats.listener.dead.letter.failures";

	/**
	 * Name of the distribution summary of the number of messages a batch listener is
	 * invoked with.
	 */
	public static final String BATCH_SIZE = "nats.listener.batch.size";

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
		Tags tags = Tags.of("listener.id", endpoint.getId(), "subject", endpoint.getSubjectTemplate(),
				NatsConnectionTag.KEY, NatsConnectionTag.of(endpoint.getConnection()));
		ListenerMeters meters = new ListenerMeters(this.registry, tags);
		return (endpoint.getJetStream() != null && !endpoint.getJetStream().isOrdered())
				? new JetStreamListenerMeters(meters, this.registry, tags.and("stream", endpoint.getJetStream().stream()),
						endpoint.getAdapter().isBatch())
				: meters;
	}

	private static class ListenerMeters implements NatsListenerMetrics {

		private final Timer success;

		private final Timer failure;

		private final Timer notConvertible;

		private final Counter replyFailures;

		ListenerMeters(MeterRegistry registry, Tags tags) {
			this.success = processTimer(registry, tags, "success");
			this.failure = processTimer(registry, tags, "failure");
			this.notConvertible = processTimer(registry, tags, "not-convertible");
			this.replyFailures = Counter.builder(REPLY_FAILURES)
				.description("Requests to a @NatsListener whose answer could not be sent as intended")
				.tags(tags)
				.register(registry);
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

		@Override
		public void replyFailed() {
			this.replyFailures.increment();
		}

	}

	private static final class JetStreamListenerMeters implements NatsListenerMetrics {

		private final ListenerMeters processing;

		private final Counter acks;

		private final Counter naks;

		private final Counter terms;

		private final Counter maxDeliveries;

		private final Counter notConvertible;

		private final Counter deadLetterFailures;

		private final DistributionSummary batchSizes;

		JetStreamListenerMeters(ListenerMeters processing, MeterRegistry registry, Tags tags, boolean batch) {
			this.processing = processing;
			this.acks = acknowledgements(registry, tags, "ack");
			this.naks = acknowledgements(registry, tags, "nak");
			this.terms = acknowledgements(registry, tags, "term");
			this.maxDeliveries = deadLetters(registry, tags, "max-deliveries");
			this.notConvertible = deadLetters(registry, tags, "not-convertible");
			this.deadLetterFailures = Counter.builder(DEAD_LETTER_FAILURES)
				.description("Failed attempts of a @NatsListener to publish a dead letter")
				.tags(tags)
				.register(registry);
			this.batchSizes = batch ? DistributionSummary.builder(BATCH_SIZE)
				.description("Messages a batch @NatsListener is invoked with at once")
				.baseUnit("messages")
				.tags(tags)
				.register(registry) : null;
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
		public void batch(int size) {
			if (this.batchSizes != null) {
				this.batchSizes.record(size);
			}
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

		@Override
		public void replyFailed() {
			this.processing.replyFailed();
		}

		@Override
		public void deadLetterFailed() {
			this.deadLetterFailures.increment();
		}

	}

}
