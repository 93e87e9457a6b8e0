package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.List;

import io.github.natsboot.listener.NatsListener;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * JetStream consumption in batches of {@value #MAX_BATCH} JSON orders from a durable pull
 * consumer of a memory stream: a batch {@code @NatsListener} taking {@code List<Order>}
 * (the container acknowledges each message when the method returns) against raw jnats
 * fetching {@code ConsumerContext.fetch} batches of the same size one after the other,
 * reading each order with the same mapper and acknowledging each message. Rounds are
 * timed like those of {@link JetStreamConsumeScenario}: the stream is loaded first (not
 * timed), then the paused listener is resumed, or the raw loop starts, until the last
 * message has been handled. Both variants round the messages of a round up to a multiple
 * of the batch size, so that neither ends on a partial batch: the listener would wait its
 * {@code maxWait} for more, and a raw fetch its expiry (at least a second in jnats), or
 * ask for exactly the rest, which a listener cannot know.
 */
public final class JetStreamBatchListenerScenario {

	private static final int MAX_BATCH = 100;

	private static final String DURABLE = "bench";

	private JetStreamBatchListenerScenario() {
	}

	/**
	 * The batch listener against raw {@code fetch} batches.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario create(BenchmarkEnvironment env) {
		return new Scenario("JetStream batch listener, batch " + MAX_BATCH, 100_000,
				List.of(new Check(Metric.THROUGHPUT, 0.95)),
				new Scenario.Labeled("starter",
						() -> new WholeBatches(new JetStreamConsumeScenario.Starter(env, Application.class, false))),
				new Scenario.Labeled("raw", () -> new WholeBatches(new RawFetch(env))));
	}

	/**
	 * A variant whose rounds are rounded up to a multiple of the batch size.
	 */
	static final class WholeBatches implements Variant {

		private final Variant variant;

		WholeBatches(Variant variant) {
			this.variant = variant;
		}

		@Override
		public void open() throws Exception {
			this.variant.open();
		}

		@Override
		public Sample run(int messages) throws Exception {
			return this.variant.run((messages + MAX_BATCH - 1) / MAX_BATCH * MAX_BATCH);
		}

		@Override
		public void close() throws Exception {
			this.variant.close();
		}

	}

	static final class RawFetch implements Variant {

		private static final Duration FETCH_EXPIRY = Duration.ofSeconds(5);

		private final BenchmarkEnvironment env;

		private final Arrivals arrivals = new Arrivals();

		private final String stream = "BENCH_CON_RAW_" + System.nanoTime();

		private Connection connection;

		private ConsumerContext consumerContext;

		private StreamLoader loader;

		RawFetch(BenchmarkEnvironment env) {
			this.env = env;
		}

		@Override
		public void open() throws Exception {
			this.loader = new StreamLoader(this.env);
			BenchmarkEnvironment.createStream(this.loader.connection(), this.stream, subject(), DURABLE);
			this.connection = this.env.connect("bench-raw");
			this.consumerContext = this.connection.getStreamContext(this.stream).getConsumerContext(DURABLE);
		}

		private String subject() {
			return "bench.js.con." + this.stream;
		}

		@Override
		public Sample run(int messages) throws Exception {
			this.loader.load(subject(), messages);
			long target = this.arrivals.expect(messages);
			CpuClock clock = CpuClock.start();
			while (this.arrivals.count() < target) {
				FetchConsumeOptions options = FetchConsumeOptions.builder()
					.maxMessages(MAX_BATCH)
					.expiresIn(FETCH_EXPIRY.toMillis())
					.build();
				try (FetchConsumer fetch = this.consumerContext.fetch(options)) {
					Message message;
					while ((message = fetch.nextMessage()) != null) {
						Order order = this.env.mapper().readValue(message.getData(), Order.class);
						this.arrivals.record(order.quantity());
						message.ack();
					}
				}
			}
			this.arrivals.await(BenchmarkEnvironment.ROUND_TIMEOUT);
			Sample sample = clock.stop(messages);
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
	 * An application with a batch JetStream listener of the durable consumer of
	 * {@code bench.stream}, started by the benchmark and resumed for each round.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class Application {

		@Bean
		BatchOrderListener batchOrderListener(Arrivals arrivals) {
			return new BatchOrderListener(arrivals);
		}

	}

	/**
	 * The listener: counts each order of the batch; the container acknowledges them.
	 */
	public static class BatchOrderListener {

		private final Arrivals arrivals;

		BatchOrderListener(Arrivals arrivals) {
			this.arrivals = arrivals;
		}

		/**
		 * Handle a batch of orders.
		 * @param orders the orders
		 */
		@NatsListener(id = "orders", stream = "${bench.stream}", consumer = DURABLE, autoStartup = "false",
				batch = "true", maxBatch = "" + MAX_BATCH)
		public void on(List<Order> orders) {
			for (Order order : orders) {
				this.arrivals.record(order.quantity());
			}
		}

	}

}
