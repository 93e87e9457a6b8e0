package io.github.natsboot.benchmarks;

import java.util.List;
import java.util.function.Function;

import io.github.natsboot.benchmarks.TracedVariant.Expected;

/**
 * The starter with its observations on against the same starter with them off: the
 * listeners (core and JetStream) with an observation per message against the same
 * listeners without, with Spring Boot's default observation handlers alone (a timer and a
 * long task timer per observation) and with a tracer as well ({@link Tracing}: both
 * variants then run with the tracer, and only the observed one records spans), and the
 * template publishing with observations and a tracer against the template without
 * either. Each variant's application is checked for the tracing it is meant to have
 * ({@link TracedVariant}).
 */
final class ObservationScenarios {

	static final String LISTENER_OBSERVED = "nats.listener.observation-enabled=true";

	static final String TEMPLATE_OBSERVED = "nats.template.observation-enabled=true";

	private static final String[] NONE = {};

	private ObservationScenarios() {
	}

	/**
	 * The core listener observed and not, without a tracer.
	 * @param env the environment
	 * @return the scenario
	 */
	static Scenario coreListener(BenchmarkEnvironment env) {
		return listener("core listener, observation on / off", 400_000, false,
				(properties) -> CoreListenerScenario.starter(env, 1, properties));
	}

	/**
	 * The core listener observed and not, both with a tracer.
	 * @param env the environment
	 * @return the scenario
	 */
	static Scenario coreListenerWithTracer(BenchmarkEnvironment env) {
		return listener("core listener, observation on / off, with tracer", 400_000, true,
				(properties) -> CoreListenerScenario.starter(env, 1, properties));
	}

	/**
	 * The JetStream listener (paused and resumed, as in the steady state of
	 * {@link JetStreamConsumeScenario}) observed and not, without a tracer.
	 * @param env the environment
	 * @return the scenario
	 */
	static Scenario jetStreamListener(BenchmarkEnvironment env) {
		return listener("JetStream listener, observation on / off", 100_000, false,
				(properties) -> JetStreamConsumeScenario.starter(env, properties));
	}

	/**
	 * The JetStream listener observed and not, both with a tracer.
	 * @param env the environment
	 * @return the scenario
	 */
	static Scenario jetStreamListenerWithTracer(BenchmarkEnvironment env) {
		return listener("JetStream listener, observation on / off, with tracer", 100_000, true,
				(properties) -> JetStreamConsumeScenario.starter(env, properties));
	}

	/**
	 * {@code NatsTemplate.publish} of the order with observations and a tracer against
	 * the template without either.
	 * @param env the environment
	 * @return the scenario
	 */
	static Scenario templatePublishWithTracer(BenchmarkEnvironment env) {
		return new Scenario("template publish, tracer on / off", 900_000, List.of(new Check(Metric.THROUGHPUT, 0.90)),
				new Scenario.Labeled("tracer on",
						() -> new TracedVariant(CorePublishScenario.starter(env, Tracing.on(TEMPLATE_OBSERVED)),
								Expected.SPANS)),
				new Scenario.Labeled("tracer off",
						() -> new TracedVariant(CorePublishScenario.starter(env), Expected.NO_TRACER)));
	}

	private static Scenario listener(String name, int messages, boolean tracer,
			Function<String[], ApplicationVariant> starter) {
		String[] observed = tracer ? Tracing.on(LISTENER_OBSERVED) : new String[] { LISTENER_OBSERVED };
		String[] notObserved = tracer ? Tracing.on() : NONE;
		return new Scenario(name, messages, List.of(new Check(Metric.THROUGHPUT, 0.85)),
				new Scenario.Labeled("observed",
						() -> new TracedVariant(starter.apply(observed), tracer ? Expected.SPANS : Expected.NO_TRACER)),
				new Scenario.Labeled("not observed", () -> new TracedVariant(starter.apply(notObserved),
						tracer ? Expected.NO_SPANS : Expected.NO_TRACER)));
	}

}
