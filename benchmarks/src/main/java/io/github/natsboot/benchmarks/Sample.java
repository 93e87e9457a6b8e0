package io.github.natsboot.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * What one timed round of one variant measured.
 *
 * @param messages the messages the round handled
 * @param wallNanos the elapsed time of the timed section
 * @param cpuNanos the CPU time the whole process used during the timed section
 * @param latencies the latency of each operation in nanoseconds, or {@code null} when the
 * round measures throughput only
 */
public record Sample(long messages, long wallNanos, long cpuNanos, Histogram latencies) {

	/**
	 * Messages per second.
	 * @return the throughput
	 */
	public double throughput() {
		return this.messages * 1e9 / this.wallNanos;
	}

	/**
	 * Process CPU time per message, in microseconds.
	 * @return the CPU cost of one message
	 */
	public double cpuMicrosPerMessage() {
		return this.cpuNanos / 1e3 / this.messages;
	}

	/**
	 * A latency percentile, in microseconds.
	 * @param percentile the percentile, such as {@code 99.0}
	 * @return the latency
	 * @throws IllegalStateException if the round did not record latencies
	 */
	public double latencyMicros(double percentile) {
		if (this.latencies == null) {
			throw new IllegalStateException("This round measured throughput only");
		}
		return this.latencies.getValueAtPercentile(percentile) / 1e3;
	}

}
