package io.github.natsboot.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The rounds of both variants of a scenario, summarized as medians and ratios (first /
 * second).
 *
 * @param scenario the scenario
 * @param first the measured rounds of the first variant
 * @param second the measured rounds of the second variant
 * @param failure why the scenario could not be measured, or {@code null}
 */
public record ScenarioResult(Scenario scenario, List<Sample> first, List<Sample> second, String failure) {

	/**
	 * The median of a metric over the first variant's rounds.
	 * @param metric the metric
	 * @return the median
	 */
	public double firstMedian(Metric metric) {
		return median(this.first, metric::of);
	}

	/**
	 * The median of a metric over the second variant's rounds.
	 * @param metric the metric
	 * @return the median
	 */
	public double secondMedian(Metric metric) {
		return median(this.second, metric::of);
	}

	/**
	 * The ratio of the medians of a metric, first / second.
	 * @param metric the metric
	 * @return the ratio
	 */
	public double ratio(Metric metric) {
		return firstMedian(metric) / secondMedian(metric);
	}

	/**
	 * The median process CPU time per message of the first variant.
	 * @return microseconds
	 */
	public double firstCpuMicros() {
		return median(this.first, Sample::cpuMicrosPerMessage);
	}

	/**
	 * The median process CPU time per message of the second variant.
	 * @return microseconds
	 */
	public double secondCpuMicros() {
		return median(this.second, Sample::cpuMicrosPerMessage);
	}

	/**
	 * Whether every check of the scenario is met.
	 * @return {@code true} when all ratios reach their targets
	 */
	public boolean passed() {
		return this.failure == null
				&& this.scenario.checks().stream().allMatch((check) -> check.isMet(ratio(check.metric())));
	}

	static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
		double[] values = samples.stream().mapToDouble(value).sorted().toArray();
		if (values.length == 0) {
			return Double.NaN;
		}
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	/**
	 * The values of a metric, round by round, for the log.
	 * @param samples the rounds
	 * @param metric the metric
	 * @return the values
	 */
	static String values(List<Sample> samples, Metric metric) {
		return Arrays.toString(samples.stream().mapToLong((sample) -> Math.round(metric.of(sample))).toArray());
	}

}
