package io.github.natsboot.benchmarks;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints the results as a table: per scenario and metric, the medians of both variants,
 * their ratio and its target, and the process CPU time per message.
 */
public final class ResultTable {

	private static final String ROW = "| %-44s | %-8s | %12s | %12s | %6s | %-11s | %-9s | %-4s | %8s | %8s |%n";

	private ResultTable() {
	}

	/**
	 * Print the table.
	 * @param results the scenarios' results
	 * @param out where to print
	 */
	public static void print(List<ScenarioResult> results, PrintStream out) {
		out.println();
		out.printf(ROW, "Scenario (first vs second)", "Metric", "first", "second", "Ratio", "95% range", "Target", "Ok",
				"CPU 1st", "CPU 2nd");
		out.printf(ROW, "-".repeat(44), "-".repeat(8), "-".repeat(12), "-".repeat(12), "-".repeat(6), "-".repeat(11),
				"-".repeat(9), "-".repeat(4), "-".repeat(8), "-".repeat(8));
		for (ScenarioResult result : results) {
			Scenario scenario = result.scenario();
			String name = scenario.name() + " (" + scenario.first().label() + " vs " + scenario.second().label() + ")";
			if (result.failure() != null) {
				out.printf(ROW, name, "", "", "", "", "", "", "FAIL", "", "");
				continue;
			}
			boolean firstRow = true;
			for (Check check : scenario.checks()) {
				Metric metric = check.metric();
				double ratio = result.ratio(metric);
				double[] range = result.ratioInterval(metric);
				out.printf(ROW, firstRow ? name : "", metric.label(), format(result.firstMedian(metric)),
						format(result.secondMedian(metric)), String.format("%.2f", ratio),
						String.format("%.2f-%.2f", range[0], range[1]), check.describeTarget(),
						Double.isNaN(check.target()) ? "" : (check.isMet(ratio) ? "yes" : "NO"),
						firstRow ? String.format("%.2f", result.firstCpuMicros()) : "",
						firstRow ? String.format("%.2f", result.secondCpuMicros()) : "");
				firstRow = false;
			}
		}
		out.println();
		out.println("Medians over the measured rounds. Ratio = first / second: throughput wants it high, latency low.");
		out.println("95% range = where the ratio lands in 95% of bootstrap resamples of the rounds: a target inside "
				+ "it is within this run's noise.");
		out.println("CPU = process CPU time per message in microseconds (all threads of this JVM: client, "
				+ "publisher, JIT, GC; the nats-server process is not counted).");
	}

	private static String format(double value) {
		return (value >= 1000) ? String.format("%,.0f", value) : String.format("%.1f", value);
	}

}
