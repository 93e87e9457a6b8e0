package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.natsboot.reactive.ReactiveNatsOperations;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Request/reply of JSON objects, one request at a time, through
 * {@code ReactiveNatsOperations.request(...).block()} against the blocking
 * {@code NatsTemplate.request}, both to the same kind of {@code @NatsListener} application
 * as {@link RequestReplyScenario}: what the reactive layer (a {@code Mono} over the
 * template's asynchronous request) costs per request.
 */
public final class ReactiveRequestReplyScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private ReactiveRequestReplyScenario() {
	}

	/**
	 * Requests back to back.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario backToBack(BenchmarkEnvironment env) {
		RequestPacer pacer = new RequestPacer(0);
		return new Scenario("reactive request/reply, back to back", 5_000,
				List.of(new Check(Metric.THROUGHPUT, 0.95)),
				new Scenario.Labeled("reactive", () -> new Reactive(env, pacer)),
				new Scenario.Labeled("blocking", () -> new RequestReplyScenario.Starter(env, pacer)));
	}

	static final class Reactive implements Variant {

		private final BenchmarkEnvironment env;

		private final RequestPacer pacer;

		private final String subject = "bench.rr.reactive." + System.nanoTime();

		private final Arrivals arrivals = new Arrivals();

		private ConfigurableApplicationContext context;

		private ReactiveNatsOperations reactive;

		Reactive(BenchmarkEnvironment env, RequestPacer pacer) {
			this.env = env;
			this.pacer = pacer;
		}

		@Override
		public void open() throws Exception {
			this.context = this.env.startApplication(RequestReplyScenario.Application.class, Map.of(),
					"bench.subject=" + this.subject);
			this.reactive = this.context.getBean(ReactiveNatsOperations.class);
			this.context.getBean(io.nats.client.Connection.class).flush(TIMEOUT);
		}

		@Override
		public Sample run(int messages) throws Exception {
			Order order = this.env.order();
			return this.pacer.run(messages, () -> {
				Quote quote = this.reactive.request(this.subject, order, Quote.class, TIMEOUT).block();
				this.arrivals.record((long) quote.total());
			});
		}

		@Override
		public void close() {
			if (this.context != null) {
				this.context.close();
			}
		}

	}

}
