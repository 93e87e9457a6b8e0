package io.github.natsboot.sample;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Counts what this instance did ({@link SampleEvent}), and which worker answered each
 * quote. The counts are shown by {@code GET /api/stats} and published as Micrometer
 * counters.
 */
@Component
public class SampleCounters implements MeterBinder {

	private final Map<SampleEvent, LongAdder> counts = new EnumMap<>(SampleEvent.class);

	private final Map<String, LongAdder> answersByWorker = new ConcurrentHashMap<>();

	SampleCounters() {
		for (SampleEvent event : SampleEvent.values()) {
			this.counts.put(event, new LongAdder());
		}
	}

	/**
	 * Count an event.
	 * @param event the event
	 */
	public void increment(SampleEvent event) {
		this.counts.get(event).increment();
	}

	/**
	 * Count a quote answered by a worker.
	 * @param worker the id of the worker instance that answered
	 */
	public void quoteAnsweredBy(String worker) {
		increment(SampleEvent.QUOTE_ANSWERED);
		this.answersByWorker.computeIfAbsent(worker, (key) -> new LongAdder()).increment();
	}

	/**
	 * Return the count of every event, by statistic name.
	 * @return the counts
	 */
	public Map<String, Long> getCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.counts.forEach((event, count) -> counts.put(event.getStatName(), count.sum()));
		return counts;
	}

	/**
	 * Return how many quotes each worker answered.
	 * @return the counts, by worker id
	 */
	public Map<String, Long> getAnswersByWorker() {
		Map<String, Long> answers = new TreeMap<>();
		this.answersByWorker.forEach((worker, count) -> answers.put(worker, count.sum()));
		return answers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.counts.forEach((event, count) -> {
			FunctionCounter.Builder<LongAdder> builder = FunctionCounter.builder(event.getMeterName(), count,
					LongAdder::sum);
			if (event.getOutcome() != null) {
				builder.tag("outcome", event.getOutcome());
			}
			builder.register(registry);
		});
	}

}
