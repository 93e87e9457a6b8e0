package io.github.natsboot.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * Records the observations of {@code NatsTemplate} and {@code @NatsListener} methods as
 * the meters {@link DefaultMeterObservationHandler} would: a timer named after the
 * observation, tagged with its low cardinality keys and {@code error}, and a long task
 * timer {@code <name>.active}. It looks each meter up in the registry once and keeps it,
 * keyed by the observation's name and low cardinality keys, instead of registering it
 * again for every message (which applies every meter filter and sorts the tags, twice
 * per observation); the message path then only reads the keys and finds the meter.
 * <p>
 * Spring Boot gives each observation to the first {@link MeterObservationHandler} that
 * supports it: declared with a high precedence, this handler takes the NATS
 * observations and leaves every other to Boot's default handler.
 */
public class NatsMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

	/**
	 * Bound of the meters kept: far above what fixed names and low cardinality keys give,
	 * so that only a convention that puts per-message values in low cardinality keys
	 * reaches it; past it, meters are looked up in the registry as by the default handler.
	 */
	private static final int MAX_KEPT = 4096;

	private final MeterRegistry registry;

	private final boolean longTaskTimer;

	private final Map<MeterKey, ObservationMeters> meters = new ConcurrentHashMap<>();

	/**
	 * The meters found last, compared by identity first: the NATS contexts return the
	 * very {@code KeyValues} instance their convention keeps for a listener or template
	 * operation, so a run of messages of one listener finds its meters without hashing
	 * and comparing key values.
	 */
	private volatile ObservationMeters last;

	/**
	 * Create a handler.
	 * @param registry the registry of the meters
	 * @param longTaskTimer whether to record the {@code .active} long task timer, as
	 * Boot's handler does unless {@code management.metrics.observations.ignored-meters}
	 * lists {@code long-task-timer}
	 */
	public NatsMeterObservationHandler(MeterRegistry registry, boolean longTaskTimer) {
		this.registry = registry;
		this.longTaskTimer = longTaskTimer;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof NatsReceiverContext || context instanceof NatsSenderContext;
	}

	@Override
	public void onStart(Observation.Context context) {
		LongTaskTimer.Sample active = this.longTaskTimer ? metersFor(context).active.start() : null;
		MeterSample sample = new MeterSample(this.registry.config().clock().monotonicTime(), active);
		if (context instanceof NatsReceiverContext receiver) {
			receiver.setMeterSample(sample);
		}
		else {
			((NatsSenderContext) context).setMeterSample(sample);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		Object kept = (context instanceof NatsReceiverContext receiver) ? receiver.getMeterSample()
				: ((NatsSenderContext) context).getMeterSample();
		if (!(kept instanceof MeterSample sample)) {
			return;
		}
		long elapsed = this.registry.config().clock().monotonicTime() - sample.startNanos();
		Throwable error = context.getError();
		metersFor(context).timer((error != null) ? error.getClass().getSimpleName() : KeyValue.NONE_VALUE)
			.record(elapsed, TimeUnit.NANOSECONDS);
		if (sample.active() != null) {
			sample.active().stop();
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		this.registry.counter(context.getName() + "." + event.getName(), tags(context.getLowCardinalityKeyValues()))
			.increment();
	}

	private ObservationMeters metersFor(Observation.Context context) {
		String name = context.getName();
		KeyValues lowCardinality = context.getLowCardinalityKeyValues();
		ObservationMeters last = this.last;
		if (last != null && last.key.lowCardinality() == lowCardinality && last.key.name().equals(name)) {
			return last;
		}
		MeterKey key = new MeterKey(name, lowCardinality);
		ObservationMeters found = this.meters.get(key);
		if (found == null) {
			found = new ObservationMeters(key);
			if (this.meters.size() < MAX_KEPT) {
				ObservationMeters raced = this.meters.putIfAbsent(key, found);
				found = (raced != null) ? raced : found;
			}
		}
		this.last = found;
		return found;
	}

	private static List<Tag> tags(KeyValues keyValues) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : keyValues) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return tags;
	}

	private record MeterSample(long startNanos, LongTaskTimer.Sample active) {
	}

	private record MeterKey(String name, KeyValues lowCardinality) {
	}

	/**
	 * The meters of one observation name and set of low cardinality keys.
	 */
	private final class ObservationMeters {

		private final MeterKey key;

		private final List<Tag> tags;

		private final LongTaskTimer active;

		private final Timer succeeded;

		private final Map<String, Timer> failed = new ConcurrentHashMap<>();

		ObservationMeters(MeterKey key) {
			this.key = key;
			this.tags = tags(key.lowCardinality());
			this.active = NatsMeterObservationHandler.this.longTaskTimer
					? NatsMeterObservationHandler.this.registry.more().longTaskTimer(key.name() + ".active", this.tags)
					: null;
			this.succeeded = register(KeyValue.NONE_VALUE);
		}

		Timer timer(String error) {
			return KeyValue.NONE_VALUE.equals(error) ? this.succeeded
					: this.failed.computeIfAbsent(error, this::register);
		}

		private Timer register(String error) {
			List<Tag> tags = new ArrayList<>(this.tags);
			tags.add(Tag.of("error", error));
			return NatsMeterObservationHandler.this.registry.timer(this.key.name(), tags);
		}

	}

}
