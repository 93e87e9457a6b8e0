package io.github.natsboot.benchmarks;

import java.util.List;

/**
 * The scenarios of a run, in order. A scenario is a pair of variants doing the same
 * work; comparing the starter with itself (a feature on and off) takes one line, for
 * example {@code new Scenario("metrics cost", 200_000, List.of(new Check(Metric.THROUGHPUT, 0.90)),
 * new Scenario.Labeled("metrics on", () -> CoreListenerScenario.starter(env, 1, "management.metrics.enable.nats=true")),
 * new Scenario.Labeled("metrics off", () -> CoreListenerScenario.starter(env, 1, "management.metrics.enable.nats=false")))}.
 */
public final class Scenarios {

	private Scenarios() {
	}

	/**
	 * All scenarios.
	 * @param env the environment
	 * @return the scenarios
	 */
	public static List<Scenario> all(BenchmarkEnvironment env) {
		return List.of(CorePublishScenario.create(env), CoreListenerScenario.single(env),
				CoreListenerScenario.queueGroup(env), RequestReplyScenario.backToBack(env),
				RequestReplyScenario.fixedRate(env, 1000, 3), JetStreamPublishScenario.create(env),
				JetStreamConsumeScenario.defaults(env), JetStreamConsumeScenario.batch(env, 500));
	}

}
