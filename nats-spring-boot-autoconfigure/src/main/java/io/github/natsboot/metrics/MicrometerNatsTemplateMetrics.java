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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@link NatsTemplateMetrics} on Micrometer timers, all registered up front: the
 * {@value #PUBLISH} timer (tags {@code jetstream} and {@code outcome}) and the
 * {@value #REQUEST} timer (tag {@code outcome}). Recording an operation reads a timer
 * from an array and times it; nothing is looked up in the registry.
 */
public class MicrometerNatsTemplateMetrics implements NatsTemplateMetrics {

	/**
	 * Name of the timer of core and JetStream publishes.
	 */
	public static final String PUBLISH = "nats.template.publish";

	/**
	 * Name of the timer of requests, until their reply or failure.
	 */
	public static final String REQUEST = "nats.template.request";

	private final Timer[][] timers = new Timer[NatsTemplateOperation.values().length][Outcome.values().length];

	/**
	 * Create the metrics and register their timers.
	 * @param registry the registry
	 */
	public MicrometerNatsTemplateMetrics(MeterRegistry registry) {
		register(registry, NatsTemplateOperation.PUBLISH, PUBLISH, "false", Outcome.SUCCESS, Outcome.ERROR);
		register(registry, NatsTemplateOperation.STREAM_PUBLISH, PUBLISH, "true", Outcome.SUCCESS, Outcome.TIMEOUT,
				Outcome.NO_STREAM, Outcome.REJECTED, Outcome.ERROR);
		register(registry, NatsTemplateOperation.REQUEST, REQUEST, null, Outcome.SUCCESS, Outcome.TIMEOUT,
				Outcome.NO_RESPONDERS, Outcome.SERVICE_ERROR, Outcome.ERROR);
	}

	private void register(MeterRegistry registry, NatsTemplateOperation operation, String name, String jetStream,
			Outcome... outcomes) {
		Map<Outcome, Timer> byOutcome = new EnumMap<>(Outcome.class);
		for (Outcome outcome : outcomes) {
			Timer.Builder builder = Timer.builder(name).tag("outcome", outcome.value);
			if (jetStream != null) {
				builder.tag("jetstream", jetStream);
			}
			byOutcome.put(outcome,
					builder.description("Messages sent by NatsTemplate, until sent, acknowledged or answered")
						.register(registry));
		}
		for (Outcome outcome : Outcome.values()) {
			this.timers[operation.ordinal()][outcome.ordinal()] = byOutcome.getOrDefault(outcome,
					byOutcome.get(Outcome.ERROR));
		}
	}

	@Override
	public long start() {
		return System.nanoTime();
	}

	@Override
	public void record(NatsTemplateOperation operation, long start, Throwable failure) {
		this.timers[operation.ordinal()][Outcome.of(failure).ordinal()].record(System.nanoTime() - start,
				TimeUnit.NANOSECONDS);
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
