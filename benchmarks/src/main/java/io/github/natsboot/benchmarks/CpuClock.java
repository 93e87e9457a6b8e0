package io.github.natsboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time used by this whole process (every thread, JIT and GC included), and a timer
 * that records it next to the wall-clock time of a timed section.
 */
public final class CpuClock {

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static volatile boolean threadBreakdown;

	private final Map<Long, Long> startThreadCpu;

	private final long startWall;

	private final long startCpu;

	private CpuClock() {
		this.startThreadCpu = threadBreakdown ? threadCpu() : null;
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
		if (this.startThreadCpu != null) {
			printThreadBreakdown(messages);
		}
		return new Sample(messages, wall, cpu, latencies);
	}

	/**
	 * Print, after each round, the CPU time per message of each thread that used any: for
	 * finding where a variant spends more than the other.
	 * @param enabled whether to print it
	 */
	public static void setThreadBreakdown(boolean enabled) {
		threadBreakdown = enabled;
	}

	private void printThreadBreakdown(long messages) {
		Map<Long, Long> now = threadCpu();
		Map<Long, String> names = new HashMap<>();
		for (ThreadInfo info : THREADS.getThreadInfo(now.keySet().stream().mapToLong(Long::longValue).toArray())) {
			if (info != null) {
				names.put(info.getThreadId(), info.getThreadName());
			}
		}
		String breakdown = now.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue() - this.startThreadCpu.getOrDefault(entry.getKey(), 0L)))
			.filter((entry) -> entry.getValue() * 100 > (processCpuNanos() - this.startCpu))
			.sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
			.map((entry) -> String.format("%s=%.2f", names.get(entry.getKey()), entry.getValue() / 1e3 / messages))
			.collect(Collectors.joining(" "));
		System.out.println("      thread CPU us/msg: " + breakdown);
	}

	private static Map<Long, Long> threadCpu() {
		Map<Long, Long> cpu = new HashMap<>();
		for (long id : THREADS.getAllThreadIds()) {
			long time = THREADS.getThreadCpuTime(id);
			if (time > 0) {
				cpu.put(id, time);
			}
		}
		return cpu;
	}

	/**
	 * The CPU time this process has used so far.
	 * @return nanoseconds of CPU time
	 */
	public static long processCpuNanos() {
		return OS.getProcessCpuTime();
	}

}
