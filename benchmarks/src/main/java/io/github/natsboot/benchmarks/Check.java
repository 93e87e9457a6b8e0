package io.github.natsboot.benchmarks;

/**
 * A metric a scenario reports, with the ratio (first variant / second variant) it must
 * reach: at least the target for throughput, at most the target for latency.
 *
 * @param metric the metric
 * @param target the ratio to reach, or {@code NaN} when the ratio is only reported
 */
public record Check(Metric metric, double target) {

	/**
	 * A metric whose ratio is reported without a target.
	 * @param metric the metric
	 * @return the check
	 */
	public static Check reported(Metric metric) {
		return new Check(metric, Double.NaN);
	}

	/**
	 * Whether a ratio meets the target.
	 * @param ratio the measured ratio
	 * @return {@code true} when it does, or when there is no target
	 */
	public boolean isMet(double ratio) {
		if (Double.isNaN(this.target)) {
			return true;
		}
		return this.metric.higherIsBetter() ? ratio >= this.target : ratio <= this.target;
	}

	/**
	 * The target as the table shows it.
	 * @return such as {@code >= 0.95}, or {@code reported}
	 */
	public String describeTarget() {
		if (Double.isNaN(this.target)) {
			return "reported";
		}
		return (this.metric.higherIsBetter() ? ">= " : "<= ") + String.format("%.2f", this.target);
	}

}
