package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.natsboot.listener.NatsListener;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Core subscribers receiving JSON orders: a {@code @NatsListener} method taking the
 * {@link Order} against a jnats {@link Dispatcher} whose handler reads the order with the
 * same mapper. With more than one consumer, both sides split the messages in one queue
 * group (listener {@code concurrency} against as many dispatchers). A round publishes
 * its messages from a separate connection, a bounded window ahead of the subscriber (see
 * {@link OrderPublisher}), and ends when the last one has been handled.
 */
public final class CoreListenerScenario {

	private CoreListenerScenario() {
	}

	/**
	 * One listener against one dispatcher.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario single(BenchmarkEnvironment env) {
		return new Scenario("core listener, JSON", 400_000, List.of(new Check(Metric.THROUGHPUT, 0.95)),
				new Scenario.Labeled("starter", () -> new Starter(env, 1)),
				new Scenario.Labeled("raw", () -> new Raw(env, 1)));
	}

	/**
	 * One listener with its Micrometer meters against one dispatcher.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario withMetrics(BenchmarkEnvironment env) {
		return new Scenario("core listener, JSON, metrics on", 400_000, List.of(new Check(Metric.THROUGHPUT, 0.90)),
				new Scenario.Labeled("starter", () -> new Starter(env, 1, Scenarios.METRICS_ON)),
				new Scenario.Labeled("raw", () -> new Raw(env, 1)));
	}

	/**
	 * A queue group of two listeners against two dispatchers in one queue group.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario queueGroup(BenchmarkEnvironment env) {
		return new Scenario("queue group of 2, JSON", 400_000, List.of(new Check(Metric.THROUGHPUT, 0.90)),
				new Scenario.Labeled("starter", () -> new Starter(env, 2)),
				new Scenario.Labeled("raw", () -> new Raw(env, 2)));
	}

	/**
	 * The listener variant on its own, for scenarios that compare the starter with
	 * itself (a feature on and off).
	 * @param env the environment
	 * @param consumers the listener's concurrency, in a queue group when above 1
	 * @param properties further application properties, {@code name=value}
	 * @return the variant, unopened
	 */
	static ApplicationVariant starter(BenchmarkEnvironment env, int consumers, String... properties) {
		return new Starter(env, consumers, properties);
	}

	/**
	 * A subscriber fed by an {@link OrderPublisher}: a round publishes its messages and
	 * ends when the subscriber has handled the last one. Subclasses subscribe.
	 */
	abstract static class FedSubscriber implements Variant {

		final BenchmarkEnvironment env;

		final int consumers;

		final Arrivals arrivals = new Arrivals();

		final String subject;

		private OrderPublisher publisher;

		FedSubscriber(BenchmarkEnvironment env, int consumers, String name) {
			this.env = env;
			this.consumers = consumers;
			this.subject = "bench.core." + name + "." + System.nanoTime();
		}

		@Override
		public final void open() throws Exception {
			subscribe();
			this.publisher = new OrderPublisher(this.env);
		}

		/**
		 * Subscribe to {@link #subject} and wait until the server knows it.
		 * @throws Exception if the subscriber cannot be set up
		 */
		abstract void subscribe() throws Exception;

		@Override
		public Sample run(int messages) throws Exception {
			this.arrivals.expect(messages);
			CpuClock clock = CpuClock.start();
			this.publisher.publish(this.subject, messages, this.arrivals);
			this.arrivals.await(BenchmarkEnvironment.ROUND_TIMEOUT);
			return clock.stop(messages);
		}

		@Override
		public final void close() throws Exception {
			if (this.publisher != null) {
				this.publisher.close();
			}
			unsubscribe();
		}

		/**
		 * Release what {@link #subscribe()} set up.
		 * @throws Exception if closing fails
		 */
		abstract void unsubscribe() throws Exception;

	}

	static final class Starter extends FedSubscriber implements ApplicationVariant {

		private final String[] properties;

		private ConfigurableApplicationContext context;

		Starter(BenchmarkEnvironment env, int consumers, String... properties) {
			super(env, consumers, "s");
			this.properties = properties;
		}

		@Override
		void subscribe() throws Exception {
			List<String> all = new ArrayList<>(List.of("bench.subject=" + this.subject,
					"bench.concurrency=" + this.consumers, "bench.queue=" + ((this.consumers > 1) ? "bench-q" : "")));
			all.addAll(List.of(this.properties));
			this.context = this.env.startApplication(Application.class, Map.of("arrivals", this.arrivals),
					all.toArray(String[]::new));
			this.context.getBean(Connection.class).flush(Duration.ofSeconds(10));
		}

		@Override
		public ConfigurableApplicationContext context() {
			return this.context;
		}

		@Override
		void unsubscribe() {
			if (this.context != null) {
				this.context.close();
			}
		}

	}

	static final class Raw extends FedSubscriber {

		private Connection connection;

		Raw(BenchmarkEnvironment env, int consumers) {
			super(env, consumers, "r");
		}

		@Override
		void subscribe() throws Exception {
			this.connection = this.env.connect("bench-raw");
			for (int i = 0; i < this.consumers; i++) {
				Dispatcher dispatcher = this.connection.createDispatcher((message) -> {
					Order order = this.env.mapper().readValue(message.getData(), Order.class);
					this.arrivals.record(order.quantity());
				});
				if (this.consumers > 1) {
					dispatcher.subscribe(this.subject, "bench-q");
				}
				else {
					dispatcher.subscribe(this.subject);
				}
			}
			this.connection.flush(Duration.ofSeconds(10));
		}

		@Override
		void unsubscribe() throws InterruptedException {
			if (this.connection != null) {
				this.connection.close();
			}
		}

	}

	/**
	 * An application with one listener of {@code bench.subject}.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class Application {

		@Bean
		OrderListener orderListener(Arrivals arrivals) {
			return new OrderListener(arrivals);
		}

	}

	/**
	 * The listener: reads the order and counts it.
	 */
	public static class OrderListener {

		private final Arrivals arrivals;

		OrderListener(Arrivals arrivals) {
			this.arrivals = arrivals;
		}

		/**
		 * Handle an order.
		 * @param order the order
		 */
		@NatsListener(id = "orders", subjects = "${bench.subject}", queue = "${bench.queue}",
				concurrency = "${bench.concurrency}")
		public void on(Order order) {
			this.arrivals.record(order.quantity());
		}

	}

}
