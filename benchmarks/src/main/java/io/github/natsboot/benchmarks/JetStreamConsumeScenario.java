package io.github.natsboot.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.natsboot.listener.JetStreamNatsListenerContainer;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.listener.NatsListenerContainer;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.MessageConsumer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * JetStream consume and acknowledge of JSON orders from a durable pull consumer of a
 * memory stream: a JetStream {@code @NatsListener} (acknowledging after the method
 * returns) against {@code ConsumerContext.consume} with its default options and a
 * handler that reads the order with the same mapper and acknowledges. Each round loads
 * the stream first (not timed), then times from starting the consumption until the last
 * message has been handled.
 * <p>
 * In the steady state, raw jnats calls {@code consume} on a consumer context made once,
 * and the listener, started (and bound to its consumer) once and paused, is resumed,
 * which starts its pulls the same way. In a cold start, the listener container is
 * started, which binds it to its consumer, and raw jnats looks its consumer context up
 * before calling {@code consume}; both are stopped again after the round.
 */
public final class JetStreamConsumeScenario {

	private static final String DURABLE = "bench";

	private JetStreamConsumeScenario() {
	}

	/**
	 * The listener with the starter's default pull settings against raw defaults, in the
	 * steady state (the listener paused and resumed).
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario defaults(BenchmarkEnvironment env) {
		return new Scenario("JetStream consume + ack", 100_000, List.of(new Check(Metric.THROUGHPUT, 0.97)),
				new Scenario.Labeled("starter", () -> new Starter(env, false)),
				new Scenario.Labeled("raw", () -> new Raw(env, false)));
	}

	/**
	 * A cold start on a backlog: the listener container started against raw jnats looking
	 * its consumer context up and consuming, with the starter's and jnats's default pull
	 * settings, every round on the full backlog (100,000 messages at scale 1).
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario coldStart(BenchmarkEnvironment env) {
		return new Scenario("JetStream listener cold start, 100k backlog", 100_000,
				List.of(new Check(Metric.THROUGHPUT, 0.97)), new Scenario.Labeled("starter", () -> new Starter(env, true)),
				new Scenario.Labeled("raw", () -> new Raw(env, true)), true);
	}

	/**
	 * The listener with a given batch size against raw defaults.
	 * @param env the environment
	 * @param batchSize the listener's {@code nats.listener.jetstream.batch-size}
	 * @return the scenario
	 */
	public static Scenario batch(BenchmarkEnvironment env, int batchSize) {
		return new Scenario("JetStream consume + ack, batch " + batchSize, 100_000,
				List.of(Check.reported(Metric.THROUGHPUT)),
				new Scenario.Labeled("starter",
						() -> new Starter(env, false, "nats.listener.jetstream.batch-size=" + batchSize)),
				new Scenario.Labeled("raw", () -> new Raw(env, false)));
	}

	/**
	 * The listener on its own in the steady state, for scenarios that compare the starter
	 * with itself (a feature on and off).
	 * @param env the environment
	 * @param properties further application properties, {@code name=value}
	 * @return the variant, unopened
	 */
	static ApplicationVariant starter(BenchmarkEnvironment env, String... properties) {
		return new Starter(env, false, properties);
	}

	static final class Starter implements ApplicationVariant {

		private final BenchmarkEnvironment env;

		private final Class<?> application;

		private final boolean coldStart;

		private final String[] properties;

		private final Arrivals arrivals = new Arrivals();

		private final String stream = "BENCH_CON_STARTER_" + System.nanoTime();

		private ConfigurableApplicationContext context;

		private NatsListenerContainer container;

		private StreamLoader loader;

		Starter(BenchmarkEnvironment env, boolean coldStart, String... properties) {
			this(env, Application.class, coldStart, properties);
		}

		/**
		 * The steady state or a cold start of an application whose listener, with the id
		 * {@code orders}, consumes {@code bench.stream} and records each order.
		 */
		Starter(BenchmarkEnvironment env, Class<?> application, boolean coldStart, String... properties) {
			this.env = env;
			this.application = application;
			this.coldStart = coldStart;
			this.properties = properties;
		}

		@Override
		public void open() throws Exception {
			this.loader = new StreamLoader(this.env);
			BenchmarkEnvironment.createStream(this.loader.connection(), this.stream, subject(), DURABLE);
			// no stream captures the dead letters, which the container warns about at every start
			List<String> all = new ArrayList<>(List.of("bench.stream=" + this.stream,
					"logging.level." + JetStreamNatsListenerContainer.class.getName() + "=error"));
			all.addAll(List.of(this.properties));
			this.context = this.env.startApplication(this.application, Map.of("arrivals", this.arrivals),
					all.toArray(String[]::new));
			this.container = this.context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("orders");
			if (!this.coldStart) {
				this.container.start();
				this.container.pause();
			}
		}

		@Override
		public ConfigurableApplicationContext context() {
			return this.context;
		}

		private String subject() {
			return "bench.js.con." + this.stream;
		}

		@Override
		public Sample run(int messages) throws Exception {
			this.loader.load(subject(), messages);
			this.arrivals.expect(messages);
			CpuClock clock = CpuClock.start();
			if (this.coldStart) {
				this.container.start();
			}
			else {
				this.container.resume();
			}
			this.arrivals.await(BenchmarkEnvironment.ROUND_TIMEOUT);
			Sample sample = clock.stop(messages);
			if (this.coldStart) {
				this.container.stop();
			}
			else {
				this.container.pause();
			}
			this.loader.connection().jetStreamManagement().purgeStream(this.stream);
			return sample;
		}

		@Override
		public void close() throws Exception {
			if (this.context != null) {
				this.context.close();
			}
			if (this.loader != null) {
				this.loader.connection().jetStreamManagement().deleteStream(this.stream);
				this.loader.close();
			}
		}

	}

	static final class Raw implements Variant {

		private final BenchmarkEnvironment env;

		private final boolean coldStart;

		private final Arrivals arrivals = new Arrivals();

		private final String stream = "BENCH_CON_RAW_" + System.nanoTime();

		private Connection connection;

		private ConsumerContext consumerContext;

		private StreamLoader loader;

		Raw(BenchmarkEnvironment env, boolean coldStart) {
			this.env = env;
			this.coldStart = coldStart;
		}

		@Override
		public void open() throws Exception {
			this.loader = new StreamLoader(this.env);
			BenchmarkEnvironment.createStream(this.loader.connection(), this.stream, subject(), DURABLE);
			this.connection = this.env.connect("bench-raw");
			if (!this.coldStart) {
				this.consumerContext = lookUpConsumerContext();
			}
		}

		private ConsumerContext lookUpConsumerContext() throws IOException, JetStreamApiException {
			return this.connection.getStreamContext(this.stream).getConsumerContext(DURABLE);
		}

		private String subject() {
			return "bench.js.con." + this.stream;
		}

		@Override
		public Sample run(int messages) throws Exception {
			this.loader.load(subject(), messages);
			this.arrivals.expect(messages);
			CpuClock clock = CpuClock.start();
			ConsumerContext context = this.coldStart ? lookUpConsumerContext() : this.consumerContext;
			MessageConsumer consumer = context.consume((message) -> {
				Order order = this.env.mapper().readValue(message.getData(), Order.class);
				this.arrivals.record(order.quantity());
				message.ack();
			});
			this.arrivals.await(BenchmarkEnvironment.ROUND_TIMEOUT);
			Sample sample = clock.stop(messages);
			consumer.stop();
			consumer.close();
			this.loader.connection().jetStreamManagement().purgeStream(this.stream);
			return sample;
		}

		@Override
		public void close() throws Exception {
			if (this.connection != null) {
				this.connection.close();
			}
			if (this.loader != null) {
				this.loader.connection().jetStreamManagement().deleteStream(this.stream);
				this.loader.close();
			}
		}

	}

	/**
	 * An application with a JetStream listener of the durable consumer of
	 * {@code bench.stream}, started by the benchmark and resumed for each round.
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
	 * The listener: reads the order and counts it; the container acknowledges.
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
		@NatsListener(id = "orders", stream = "${bench.stream}", consumer = DURABLE, autoStartup = "false")
		public void on(Order order) {
			this.arrivals.record(order.quantity());
		}

	}

}
