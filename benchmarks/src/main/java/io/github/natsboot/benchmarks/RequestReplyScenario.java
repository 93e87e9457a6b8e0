package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.NatsListener;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Request/reply of JSON objects, one request at a time on one connection per variant:
 * {@code NatsTemplate.request} to a {@code @NatsListener} returning a {@link Quote},
 * against {@code Connection.request} to a dispatcher that reads the order and publishes
 * the quote with the same mapper and the same headers. Back to back, or at a fixed rate.
 */
public final class RequestReplyScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private RequestReplyScenario() {
	}

	/**
	 * Requests back to back.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario backToBack(BenchmarkEnvironment env) {
		return create(env, "request/reply, back to back", 5_000, new RequestPacer(0));
	}

	/**
	 * Requests at a fixed rate.
	 * @param env the environment
	 * @param ratePerSecond the rate
	 * @param seconds the length of a round
	 * @return the scenario
	 */
	public static Scenario fixedRate(BenchmarkEnvironment env, int ratePerSecond, int seconds) {
		return create(env, "request/reply, " + ratePerSecond + "/s fixed rate", ratePerSecond * seconds,
				new RequestPacer(ratePerSecond));
	}

	private static Scenario create(BenchmarkEnvironment env, String name, int requests, RequestPacer pacer) {
		return new Scenario(name, requests, List.of(new Check(Metric.P50, 1.05), new Check(Metric.P99, 1.10)),
				new Scenario.Labeled("starter", () -> new Starter(env, pacer)),
				new Scenario.Labeled("raw", () -> new Raw(env, pacer)), pacer.isFixedRate());
	}

	static final class Starter implements Variant {

		private final BenchmarkEnvironment env;

		private final RequestPacer pacer;

		private final Class<?> application;

		private final String subject = "bench.rr.s." + System.nanoTime();

		private final Arrivals arrivals = new Arrivals();

		private ConfigurableApplicationContext context;

		private NatsTemplate template;

		Starter(BenchmarkEnvironment env, RequestPacer pacer) {
			this(env, pacer, Application.class);
		}

		/**
		 * A requester of an application of its own.
		 * @param env the environment
		 * @param pacer paces the requests
		 * @param application an application that answers quote requests on
		 * {@code bench.subject}
		 */
		Starter(BenchmarkEnvironment env, RequestPacer pacer, Class<?> application) {
			this.env = env;
			this.pacer = pacer;
			this.application = application;
		}

		@Override
		public void open() throws Exception {
			this.context = this.env.startApplication(this.application, Map.of(), "bench.subject=" + this.subject);
			this.template = this.context.getBean(NatsTemplate.class);
			this.template.getConnection().flush(TIMEOUT);
		}

		@Override
		public Sample run(int messages) throws Exception {
			Order order = this.env.order();
			return this.pacer.run(messages, () -> {
				Quote quote = this.template.request(this.subject, order, Quote.class, TIMEOUT);
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

	static final class Raw implements Variant {

		private final BenchmarkEnvironment env;

		private final RequestPacer pacer;

		private final String subject = "bench.rr.r." + System.nanoTime();

		private final Headers headers = BenchmarkEnvironment.jsonHeaders();

		private final Arrivals arrivals = new Arrivals();

		private Connection connection;

		Raw(BenchmarkEnvironment env, RequestPacer pacer) {
			this.env = env;
			this.pacer = pacer;
		}

		@Override
		public void open() throws Exception {
			this.connection = this.env.connect("bench-raw");
			this.connection.createDispatcher((request) -> {
				Order order = this.env.mapper().readValue(request.getData(), Order.class);
				byte[] reply = this.env.mapper().writeValueAsBytes(Quote.of(order));
				this.connection.publish(request.getReplyTo(), this.headers, reply);
			}).subscribe(this.subject);
			this.connection.flush(TIMEOUT);
		}

		@Override
		public Sample run(int messages) throws Exception {
			Order order = this.env.order();
			return this.pacer.run(messages, () -> {
				Message reply = this.connection.request(this.subject, this.headers,
						this.env.mapper().writeValueAsBytes(order), TIMEOUT);
				if (reply == null) {
					throw new IllegalStateException("No reply within " + TIMEOUT);
				}
				Quote quote = this.env.mapper().readValue(reply.getData(), Quote.class);
				this.arrivals.record((long) quote.total());
			});
		}

		@Override
		public void close() throws InterruptedException {
			if (this.connection != null) {
				this.connection.close();
			}
		}

	}

	/**
	 * An application that answers quote requests on {@code bench.subject}.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class Application {

		@Bean
		QuoteService quoteService() {
			return new QuoteService();
		}

	}

	/**
	 * The responder.
	 */
	public static class QuoteService {

		/**
		 * Quote an order.
		 * @param order the order
		 * @return its quote, the reply
		 */
		@NatsListener(id = "quotes", subjects = "${bench.subject}")
		public Quote quote(Order order) {
			return Quote.of(order);
		}

	}

}
