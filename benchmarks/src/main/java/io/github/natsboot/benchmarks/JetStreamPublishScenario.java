package io.github.natsboot.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import io.github.natsboot.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Asynchronous JetStream publish of JSON orders to a memory stream with the same window
 * of publishes awaiting their acknowledgement: {@code NatsTemplate.publishToStreamAsync}
 * (its {@code nats.template.jetstream.max-in-flight}) against
 * {@code JetStream.publishAsync} bounded by a semaphore of the same size. A round ends
 * when every acknowledgement has arrived; the stream is purged between rounds.
 */
public final class JetStreamPublishScenario {

	static final int WINDOW = 1000;

	private JetStreamPublishScenario() {
	}

	/**
	 * The scenario.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario create(BenchmarkEnvironment env) {
		return new Scenario("JetStream async publish, window " + WINDOW, 50_000,
				List.of(new Check(Metric.THROUGHPUT, 0.95)), new Scenario.Labeled("starter", () -> new Starter(env)),
				new Scenario.Labeled("raw", () -> new Raw(env)));
	}

	/**
	 * Counts acknowledgements and remembers the first failure.
	 */
	static final class Acks {

		final Arrivals arrivals = new Arrivals();

		final AtomicReference<Throwable> failure = new AtomicReference<>();

		void complete(PublishAck ack, Throwable ex) {
			if (ex != null) {
				this.failure.compareAndSet(null, ex);
			}
			this.arrivals.record((ack != null) ? ack.getSeqno() : -1);
		}

		void await() throws Exception {
			this.arrivals.await(BenchmarkEnvironment.ROUND_TIMEOUT);
			Throwable ex = this.failure.getAndSet(null);
			if (ex != null) {
				throw new IllegalStateException("A publish failed: " + ex, ex);
			}
		}

	}

	static final class Starter implements Variant {

		private final BenchmarkEnvironment env;

		private final Acks acks = new Acks();

		private ConfigurableApplicationContext context;

		private NatsTemplate template;

		Starter(BenchmarkEnvironment env) {
			this.env = env;
		}

		@Override
		public void open() throws Exception {
			this.context = this.env.startApplication(CorePublishScenario.Application.class, Map.of(),
					"nats.template.jetstream.max-in-flight=" + WINDOW);
			this.template = this.context.getBean(NatsTemplate.class);
			BenchmarkEnvironment.createStream(this.template.getConnection(), "BENCH_PUB_STARTER",
					"bench.js.pub.s", null);
		}

		@Override
		public Sample run(int messages) throws Exception {
			this.template.getConnection().jetStreamManagement().purgeStream("BENCH_PUB_STARTER");
			Order order = this.env.order();
			this.acks.arrivals.expect(messages);
			CpuClock clock = CpuClock.start();
			for (int i = 0; i < messages; i++) {
				this.template.publishToStreamAsync("bench.js.pub.s", order).whenComplete(this.acks::complete);
			}
			this.acks.await();
			return clock.stop(messages);
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

		private final Acks acks = new Acks();

		private final Semaphore window = new Semaphore(WINDOW);

		private final Headers headers = BenchmarkEnvironment.jsonHeaders();

		private Connection connection;

		private JetStream jetStream;

		Raw(BenchmarkEnvironment env) {
			this.env = env;
		}

		@Override
		public void open() throws Exception {
			this.connection = this.env.connect("bench-raw");
			this.jetStream = this.connection.jetStream();
			BenchmarkEnvironment.createStream(this.connection, "BENCH_PUB_RAW", "bench.js.pub.r", null);
		}

		@Override
		public Sample run(int messages) throws Exception {
			this.connection.jetStreamManagement().purgeStream("BENCH_PUB_RAW");
			Order order = this.env.order();
			this.acks.arrivals.expect(messages);
			CpuClock clock = CpuClock.start();
			for (int i = 0; i < messages; i++) {
				this.window.acquire();
				this.jetStream
					.publishAsync("bench.js.pub.r", this.headers, this.env.mapper().writeValueAsBytes(order))
					.whenComplete((ack, ex) -> {
						this.window.release();
						this.acks.complete(ack, ex);
					});
			}
			this.acks.await();
			return clock.stop(messages);
		}

		@Override
		public void close() throws InterruptedException {
			if (this.connection != null) {
				this.connection.close();
			}
		}

	}

}
