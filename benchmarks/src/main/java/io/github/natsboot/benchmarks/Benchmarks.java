package io.github.natsboot.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsboot.test.NatsServer;

/**
 * Runs the starter against raw jnats, scenario by scenario, on a {@code nats-server} it
 * starts on a free port, and prints a table of medians and ratios. A program to run, not
 * a test: see the README for the command.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	/**
	 * Run the benchmarks.
	 * @param args options, see {@link BenchmarkOptions#USAGE}
	 * @throws Exception if the server cannot be started
	 */
	public static void main(String[] args) throws Exception {
		PrintStream out = System.out;
		if (BenchmarkOptions.has(args, "help")) {
			out.print(BenchmarkOptions.USAGE);
			return;
		}
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		CpuClock.setThreadBreakdown(BenchmarkOptions.has(args, "threads"));
		long started = System.nanoTime();
		try (NatsServer server = NatsServer.builder().start()) {
			BenchmarkEnvironment env = new BenchmarkEnvironment(server.getUrl(), options);
			List<Scenario> scenarios = Scenarios.all(env).stream().filter((s) -> options.selects(s.name())).toList();
			if (BenchmarkOptions.has(args, "list")) {
				scenarios.forEach((scenario) -> out.println(scenario.name()));
				return;
			}
			out.printf("nats-server %s at %s; %d processors; load average %.2f; %s%n",
					serverVersion(env), server.getUrl(), Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.vm.name")
							+ " " + System.getProperty("java.version"));
			out.println(heap());
			ScenarioRunner runner = new ScenarioRunner(options, out);
			List<ScenarioResult> results = new ArrayList<>();
			for (Scenario scenario : scenarios) {
				results.add(runner.run(scenario));
			}
			ResultTable.print(results, out);
			out.printf("Load average at the end %.2f; total time %s%n",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Duration.ofNanos(System.nanoTime() - started).withNanos(0));
			if (results.stream().anyMatch((result) -> result.failure() != null)) {
				System.exit(1);
			}
		}
	}

	/**
	 * The heap the run has. Rounds start with a full collection, after which a heap that
	 * may shrink and grow again makes alternate rounds much slower than the others (seen
	 * on allocation-heavy scenarios such as the log appender), so the README runs the
	 * program with a fixed heap; a run without one says so.
	 */
	private static String heap() {
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		long mb = 1024 * 1024;
		if (heap.getInit() == heap.getMax()) {
			return String.format("heap fixed at %d MB", heap.getMax() / mb);
		}
		return String.format("WARNING: heap from %d to %d MB; run with -Xms equal to -Xmx (as the README does): a heap "
				+ "that shrinks and grows between rounds makes rounds vary far more", heap.getInit() / mb,
				heap.getMax() / mb);
	}

	private static String serverVersion(BenchmarkEnvironment env) throws Exception {
		try (var connection = env.connect("bench-probe")) {
			return connection.getServerInfo().getVersion();
		}
	}

}
