package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.natsboot.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Core publish of a JSON object with a header: {@code NatsTemplate.publish} against
 * {@code Connection.publish} of the same object written by the same mapper, with the same
 * headers on the wire. A round publishes its messages and flushes.
 */
public final class CorePublishScenario {

	private static final String TENANT = "X-Tenant";

	private CorePublishScenario() {
	}

	/**
	 * The scenario.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario create(BenchmarkEnvironment env) {
		return new Scenario("core publish, JSON + header", 900_000, List.of(new Check(Metric.THROUGHPUT, 0.95)),
				new Scenario.Labeled("starter", () -> new Starter(env)), new Scenario.Labeled("raw", () -> new Raw(env)));
	}

	static final class Starter implements Variant {

		private final BenchmarkEnvironment env;

		private final Headers headers = new Headers().put(TENANT, "acme");

		private ConfigurableApplicationContext context;

		private NatsTemplate template;

		Starter(BenchmarkEnvironment env) {
			this.env = env;
		}

		@Override
		public void open() {
			this.context = this.env.startApplication(Application.class, Map.of());
			this.template = this.context.getBean(NatsTemplate.class);
		}

		@Override
		public Sample run(int messages) throws Exception {
			Order order = this.env.order();
			CpuClock clock = CpuClock.start();
			for (int i = 0; i < messages; i++) {
				this.template.publish("bench.publish.s", order, this.headers);
			}
			this.template.getConnection().flush(Duration.ofSeconds(30));
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

		private final Headers headers = BenchmarkEnvironment.jsonHeaders().put(TENANT, "acme");

		private Connection connection;

		Raw(BenchmarkEnvironment env) {
			this.env = env;
		}

		@Override
		public void open() throws Exception {
			this.connection = this.env.connect("bench-raw");
		}

		@Override
		public Sample run(int messages) throws Exception {
			Order order = this.env.order();
			CpuClock clock = CpuClock.start();
			for (int i = 0; i < messages; i++) {
				this.connection.publish("bench.publish.r", this.headers, this.env.mapper().writeValueAsBytes(order));
			}
			this.connection.flush(Duration.ofSeconds(30));
			return clock.stop(messages);
		}

		@Override
		public void close() throws InterruptedException {
			if (this.connection != null) {
				this.connection.close();
			}
		}

	}

	/**
	 * An application that only publishes.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class Application {

	}

}
