package io.github.natsboot.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
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

	private static final int RESAMPLES = 2000;

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
	 * How far the ratio of a metric could move with other rounds like these: the 2.5th and
	 * 97.5th percentiles of the ratio of medians over {@value #RESAMPLES} bootstrap
	 * resamples of each variant's rounds (drawn with a fixed seed, so a table prints the
	 * same interval for the same rounds). A target inside the interval is not told apart
	 * from the ratio by this run.
	 * @param metric the metric
	 * @return the interval, low then high
	 */
	public double[] ratioInterval(Metric metric) {
		double[] firstValues = this.first.stream().mapToDouble(metric::of).toArray();
		double[] secondValues = this.second.stream().mapToDouble(metric::of).toArray();
		Random random = new Random(RESAMPLES);
		double[] ratios = new double[RESAMPLES];
		for (int i = 0; i < RESAMPLES; i++) {
			ratios[i] = median(resample(firstValues, random)) / median(resample(secondValues, random));
		}
		Arrays.sort(ratios);
		return new double[] { ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1] };
	}

	private static double[] resample(double[] values, Random random) {
		double[] drawn = new double[values.length];
		for (int i = 0; i < drawn.length; i++) {
			drawn[i] = values[random.nextInt(values.length)];
		}
		return drawn;
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
		return median(samples.stream().mapToDouble(value).toArray());
	}

	/**
	 * The median of values in an array of their own, which this sorts.
	 */
	private static double median(double[] values) {
		Arrays.sort(values);
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
