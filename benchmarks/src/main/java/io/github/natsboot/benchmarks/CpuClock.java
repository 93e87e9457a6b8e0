package io.github.natsboot.benchmarks;

import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time used by this whole process (every thread, JIT and GC included), and a timer
 * that records it next to the wall-clock time of a timed section.
 */
public final class CpuClock {

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final long startWall;

	private final long startCpu;

	private CpuClock() {
		this.startCpu = processCpuNanos();
		this.startWall = System.nanoTime();
	}

	/**
	 * Start timing.
	 * @return the running clock
	 */
	public static CpuClock start() {
		return new CpuClock();
	}

	/**
	 * Stop timing.
	 * @param messages the messages handled while timing
	 * @return the sample
	 */
	public Sample stop(long messages) {
		return stop(messages, null);
	}

	/**
	 * Stop timing.
	 * @param messages the messages handled while timing
	 * @param latencies the recorded latencies, or {@code null}
	 * @return the sample
	 */
	public Sample stop(long messages, org.HdrHistogram.Histogram latencies) {
		long wall = System.nanoTime() - this.startWall;
		long cpu = processCpuNanos() - this.startCpu;
		return new Sample(messages, wall, cpu, latencies);
	}

	/**
	 * The CPU time this process has used so far.
	 * @return nanoseconds of CPU time
	 */
	public static long processCpuNanos() {
		return OS.getProcessCpuTime();
	}

}
