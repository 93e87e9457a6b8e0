package io.github.natsboot.benchmarks;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.natsboot.listener.NatsListener;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Request/reply to a {@code @NatsListener} that returns its {@link Quote} asynchronously,
 * already complete ({@code Mono.just}, {@code CompletableFuture.completedFuture}), against
 * the same listener returning the quote itself, both requested back to back with
 * {@code NatsTemplate.request}: what the asynchronous path (adapting the result, the bound
 * on outstanding results, completing the reply) costs on top of the synchronous one.
 */
public final class AsyncRequestReplyScenario {

	private AsyncRequestReplyScenario() {
	}

	/**
	 * A {@code Mono}-returning listener against the synchronous one.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario mono(BenchmarkEnvironment env) {
		return create(env, "request/reply, Mono / synchronous listener", MonoApplication.class);
	}

	/**
	 * A {@code CompletableFuture}-returning listener against the synchronous one.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario completableFuture(BenchmarkEnvironment env) {
		return create(env, "request/reply, CompletableFuture / synchronous listener", FutureApplication.class);
	}

	private static Scenario create(BenchmarkEnvironment env, String name, Class<?> application) {
		RequestPacer pacer = new RequestPacer(0);
		return new Scenario(name, 5_000, List.of(new Check(Metric.THROUGHPUT, 0.95), new Check(Metric.P50, 1.05)),
				new Scenario.Labeled("async", () -> new RequestReplyScenario.Starter(env, pacer, application)),
				new Scenario.Labeled("synchronous", () -> new RequestReplyScenario.Starter(env, pacer)));
	}

	/**
	 * An application whose listener answers quote requests on {@code bench.subject} with
	 * a {@code Mono}.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class MonoApplication {

		@Bean
		MonoQuoteService monoQuoteService() {
			return new MonoQuoteService();
		}

	}

	/**
	 * The {@code Mono} responder.
	 */
	public static class MonoQuoteService {

		/**
		 * Quote an order.
		 * @param order the order
		 * @return its quote, the reply
		 */
		@NatsListener(id = "quotes", subjects = "${bench.subject}")
		public Mono<Quote> quote(Order order) {
			return Mono.just(Quote.of(order));
		}

	}

	/**
	 * An application whose listener answers quote requests on {@code bench.subject} with
	 * a {@code CompletableFuture}.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class FutureApplication {

		@Bean
		FutureQuoteService futureQuoteService() {
			return new FutureQuoteService();
		}

	}

	/**
	 * The {@code CompletableFuture} responder.
	 */
	public static class FutureQuoteService {

		/**
		 * Quote an order.
		 * @param order the order
		 * @return its quote, the reply
		 */
		@NatsListener(id = "quotes", subjects = "${bench.subject}")
		public CompletableFuture<Quote> quote(Order order) {
			return CompletableFuture.completedFuture(Quote.of(order));
		}

	}

}
