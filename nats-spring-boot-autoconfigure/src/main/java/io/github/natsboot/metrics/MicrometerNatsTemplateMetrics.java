package io.github.natsboot.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.natsboot.core.NatsJetStreamApiException;
import io.github.natsboot.core.NatsNoRespondersException;
import io.github.natsboot.core.NatsNoStreamException;
import io.github.natsboot.core.NatsRequestTimeoutException;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplateMetrics;
import io.github.natsboot.core.NatsTemplateOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * {@link NatsTemplateMetrics} on Micrometer meters, all registered up front and tagged
 * with the {@code outcome}: the {@value #PUBLISH} counter of core publishes (which only
 * hand the message to the client's outgoing buffer, so there is no latency worth timing),
 * and the {@value #STREAM_PUBLISH} and {@value #REQUEST} timers, which time the round
 * trip to the stream's acknowledgement or the reply. Recording reads a meter from an
 * array; nothing is looked up in the registry.
 */
public class MicrometerNatsTemplateMetrics implements NatsTemplateMetrics {

	/**
	 * Name of the counter of core publishes.
	 */
	public static final String PUBLISH = "nats.template.publish";

	/**
	 * Name of the timer of JetStream publishes, until the stream's acknowledgement.
	 */
	public static final String STREAM_PUBLISH = "nats.template.stream.publish";

	/**
	 * Name of the timer of requests, until their reply or failure.
	 */
	public static final String REQUEST = "nats.template.request";

	private final Counter[] publishes = new Counter[Outcome.values().length];

	private final Timer[][] timers = new Timer[NatsTemplateOperation.values().length][Outcome.values().length];

	private final MeterRegistry registry;

	private final Tags tags;

	/**
	 * Create the metrics of the default connection's template and register their meters.
	 * @param registry the registry
	 */
	public MicrometerNatsTemplateMetrics(MeterRegistry registry) {
		this(registry, NatsConnectionTag.DEFAULT);
	}

	private MicrometerNatsTemplateMetrics(MeterRegistry registry, String connection) {
		this.registry = registry;
		this.tags = Tags.of(NatsConnectionTag.KEY, connection);
		Counter success = publishCounter(Outcome.SUCCESS);
		Counter error = publishCounter(Outcome.ERROR);
		for (Outcome outcome : Outcome.values()) {
			this.publishes[outcome.ordinal()] = (outcome == Outcome.SUCCESS) ? success : error;
		}
		registerTimers(NatsTemplateOperation.STREAM_PUBLISH, STREAM_PUBLISH,
				"JetStream publishes of NatsTemplate, until the stream's acknowledgement", Outcome.SUCCESS,
				Outcome.TIMEOUT, Outcome.NO_STREAM, Outcome.REJECTED, Outcome.ERROR);
		registerTimers(NatsTemplateOperation.REQUEST, REQUEST,
				"Requests of NatsTemplate, until the reply or the failure", Outcome.SUCCESS, Outcome.TIMEOUT,
				Outcome.NO_RESPONDERS, Outcome.SERVICE_ERROR, Outcome.ERROR);
	}

	@Override
	public NatsTemplateMetrics forConnection(String connection) {
		return new MicrometerNatsTemplateMetrics(this.registry, connection);
	}

	private Counter publishCounter(Outcome outcome) {
		return Counter.builder(PUBLISH)
			.description("Core publishes of NatsTemplate")
			.tags(this.tags)
			.tag("outcome", outcome.value)
			.register(this.registry);
	}

	private void registerTimers(NatsTemplateOperation operation, String name,
			String description, Outcome... outcomes) {
		Map<Outcome, Timer> byOutcome = new EnumMap<>(Outcome.class);
		for (Outcome outcome : outcomes) {
			byOutcome.put(outcome,
					Timer.builder(name)
						.description(description)
						.tags(this.tags)
						.tag("outcome", outcome.value)
						.register(this.registry));
		}
		for (Outcome outcome : Outcome.values()) {
			this.timers[operation.ordinal()][outcome.ordinal()] = byOutcome.getOrDefault(outcome,
					byOutcome.get(Outcome.ERROR));
		}
	}

	@Override
	public long start(NatsTemplateOperation operation) {
		return (operation != NatsTemplateOperation.PUBLISH) ? System.nanoTime() : 0L;
	}

	@Override
	public void record(NatsTemplateOperation operation, long start, Throwable failure) {
		Outcome outcome = Outcome.of(failure);
		if (operation == NatsTemplateOperation.PUBLISH) {
			this.publishes[outcome.ordinal()].increment();
		}
		else {
			this.timers[operation.ordinal()][outcome.ordinal()].record(System.nanoTime() - start,
					TimeUnit.NANOSECONDS);
		}
	}

	private enum Outcome {

		SUCCESS("success"), TIMEOUT("timeout"), NO_RESPONDERS("no-responders"), SERVICE_ERROR("service-error"),
		NO_STREAM("no-stream"), REJECTED("rejected"), ERROR("error");

		private final String value;

		Outcome(String value) {
			this.value = value;
		}

		static Outcome of(Throwable failure) {
			if (failure == null) {
				return SUCCESS;
			}
			if (failure instanceof NatsRequestTimeoutException) {
				return TIMEOUT;
			}
			if (failure instanceof NatsNoRespondersException) {
				return NO_RESPONDERS;
			}
			if (failure instanceof NatsServiceErrorException) {
				return SERVICE_ERROR;
			}
			if (failure instanceof NatsNoStreamException) {
				return NO_STREAM;
			}
			if (failure instanceof NatsJetStreamApiException) {
				return REJECTED;
			}
			return ERROR;
		}

	}

}
