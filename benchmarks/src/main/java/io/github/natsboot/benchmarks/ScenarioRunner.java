package io.github.natsboot.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario: opens both variants, runs warm-up rounds, then the measured rounds
 * alternately (first/second, then second/first, so that drift in the machine's load
 * affects both alike), and closes both. The first warm-up round runs the scenario's full
 * count; unless the scenario keeps its full count ({@link Scenario#fullCount()}), the
 * measured rounds are then sized to last about {@link BenchmarkOptions#roundSeconds()} for
 * the slower variant, so that a run takes about as long on a slow machine as on a fast
 * one.
 */
public final class ScenarioRunner {

	private final BenchmarkOptions options;

	private final PrintStream log;

	/**
	 * Create a runner.
	 * @param options the run's options
	 * @param log where progress goes
	 */
	public ScenarioRunner(BenchmarkOptions options, PrintStream log) {
		this.options = options;
		this.log = log;
	}

	/**
	 * Run a scenario.
	 * @param scenario the scenario
	 * @return its rounds, or the failure that stopped it
	 */
	public ScenarioResult run(Scenario scenario) {
		int messages = this.options.scaled(scenario.messages());
		List<Sample> first = new ArrayList<>();
		List<Sample> second = new ArrayList<>();
		this.log.printf("%n== %s (up to %d per round, %d rounds + %d warm-up)%n", scenario.name(), messages,
				this.options.rounds(), this.options.warmupRounds());
		try (Variant a = scenario.first().factory().get(); Variant b = scenario.second().factory().get()) {
			a.open();
			b.open();
			for (int i = 0; i < this.options.warmupRounds(); i++) {
				Sample warmA = round(a, messages);
				Sample warmB = round(b, messages);
				if (i == 0 && !scenario.fullCount()) {
					messages = this.options.measuredRound(messages,
							Math.min(warmA.throughput(), warmB.throughput()));
				}
			}
			this.log.printf("   %d per measured round%n", messages);
			for (int i = 0; i < this.options.rounds(); i++) {
				if (i % 2 == 0) {
					first.add(round(a, messages));
					second.add(round(b, messages));
				}
				else {
					second.add(round(b, messages));
					first.add(round(a, messages));
				}
			}
		}
		catch (Exception ex) {
			this.log.println("   FAILED: " + ex);
			ex.printStackTrace(this.log);
			return new ScenarioResult(scenario, first, second, String.valueOf(ex));
		}
		ScenarioResult result = new ScenarioResult(scenario, first, second, null);
		for (Check check : scenario.checks()) {
			this.log.printf("   %-8s %-14s %s%n   %-8s %-14s %s%n", check.metric().label(), scenario.first().label(),
					ScenarioResult.values(first, check.metric()), "", scenario.second().label(),
					ScenarioResult.values(second, check.metric()));
		}
		return result;
	}

	private static Sample round(Variant variant, int messages) throws Exception {
		System.gc();
		Thread.sleep(100);
		return variant.run(messages);
	}

}
