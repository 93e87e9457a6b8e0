package io.github.natsboot.benchmarks;

import java.util.List;

/**
 * The scenarios of a run, in order. A scenario is a pair of variants doing the same
 * work: the starter against raw jnats, or the starter with a feature on and off (see
 * {@link #metricsCost} and {@link ObservationScenarios}).
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
		return List.of(CorePublishScenario.create(env), CorePublishScenario.perMessageHeaders(env),
				CoreListenerScenario.single(env),
				CoreListenerScenario.queueGroup(env), RequestReplyScenario.backToBack(env),
				RequestReplyScenario.fixedRate(env, 1000, 3), ReactiveRequestReplyScenario.backToBack(env),
				AsyncRequestReplyScenario.mono(env), AsyncRequestReplyScenario.completableFuture(env),
				JetStreamPublishScenario.create(env),
				JetStreamConsumeScenario.defaults(env), JetStreamConsumeScenario.batch(env, 100),
				JetStreamConsumeScenario.coldStart(env), JetStreamBatchListenerScenario.create(env),
				CoreListenerScenario.withMetrics(env), metricsCost(env),
				ObservationScenarios.coreListener(env), ObservationScenarios.coreListenerWithTracer(env),
				ObservationScenarios.jetStreamListener(env), ObservationScenarios.jetStreamListenerWithTracer(env),
				ObservationScenarios.templatePublishWithTracer(env), HandTracedScenarios.coreListener(env),
				HandTracedScenarios.templatePublish(env), LogAppenderScenario.create(env));
	}

	/**
	 * The core listener with its Micrometer meters against the same listener without.
	 * @param env the environment
	 * @return the scenario
	 */
	static Scenario metricsCost(BenchmarkEnvironment env) {
		return new Scenario("core listener, metrics on / off", 400_000, List.of(new Check(Metric.THROUGHPUT, 0.90)),
				new Scenario.Labeled("metrics on", () -> CoreListenerScenario.starter(env, 1, METRICS_ON)),
				new Scenario.Labeled("metrics off", () -> CoreListenerScenario.starter(env, 1)));
	}

	/**
	 * Property that turns the starter's meters on (the environment turns them off).
	 */
	static final String METRICS_ON = "nats.metrics.enabled=true";

}
