package io.github.natsboot.benchmarks;

import java.util.function.ToDoubleFunction;

/**
 * A figure taken from each round, and whether more of it is better.
 */
public enum Metric {

	/**
	 * Messages per second.
	 */
	THROUGHPUT("msg/s", true, Sample::throughput),

	/**
	 * Median latency in microseconds.
	 */
	P50("p50 us", false, (sample) -> sample.latencyMicros(50)),

	/**
	 * 99th percentile latency in microseconds.
	 */
	P99("p99 us", false, (sample) -> sample.latencyMicros(99));

	private final String label;

	private final boolean higherIsBetter;

	private final ToDoubleFunction<Sample> extractor;

	Metric(String label, boolean higherIsBetter, ToDoubleFunction<Sample> extractor) {
		this.label = label;
		this.higherIsBetter = higherIsBetter;
		this.extractor = extractor;
	}

	/**
	 * The label in the table.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Whether a higher value is better (throughput) or worse (latency).
	 * @return {@code true} for throughput
	 */
	public boolean higherIsBetter() {
		return this.higherIsBetter;
	}

	/**
	 * The value of this metric in a round.
	 * @param sample the round
	 * @return the value
	 */
	public double of(Sample sample) {
		return this.extractor.applyAsDouble(sample);
	}

}
