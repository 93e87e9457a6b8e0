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
 * <p>
 * Two forms: the same headers object passed with every message (a constant set of
 * headers), and new headers built for each message (such as a per-message id). Raw jnats
 * copies caller headers for each message either way; the starter reuses its copy of
 * headers passed again unchanged, so only the second form shows what a per-message copy
 * costs it.
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
				new Scenario.Labeled("starter", () -> new Starter(env, HeaderUse.SAME)),
				new Scenario.Labeled("raw", () -> new Raw(env, HeaderUse.SAME)));
	}

	/**
	 * The scenario with new headers built for every message, on both sides.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario perMessageHeaders(BenchmarkEnvironment env) {
		return new Scenario("core publish, JSON + per-message header", 900_000,
				List.of(new Check(Metric.THROUGHPUT, 0.95)),
				new Scenario.Labeled("starter", () -> new Starter(env, HeaderUse.PER_MESSAGE)),
				new Scenario.Labeled("raw", () -> new Raw(env, HeaderUse.PER_MESSAGE)));
	}

	/**
	 * The template on its own, publishing the order without headers of its own, for
	 * scenarios that compare the starter with itself (a feature on and off).
	 * @param env the environment
	 * @param properties further application properties, {@code name=value}
	 * @return the variant, unopened
	 */
	static ApplicationVariant starter(BenchmarkEnvironment env, String... properties) {
		return new Starter(env, HeaderUse.NONE, properties);
	}

	/**
	 * The headers a publishing variant passes with each message (raw jnats adds the
	 * content type the starter adds).
	 */
	enum HeaderUse {

		/**
		 * None of its own.
		 */
		NONE,

		/**
		 * The same headers object every time.
		 */
		SAME,

		/**
		 * New headers built for each message.
		 */
		PER_MESSAGE

	}

	static final class Starter implements ApplicationVariant {

		private final BenchmarkEnvironment env;

		private final boolean perMessage;

		private final Headers headers;

		private final String[] properties;

		private ConfigurableApplicationContext context;

		private NatsTemplate template;

		Starter(BenchmarkEnvironment env, HeaderUse headerUse, String... properties) {
			this.env = env;
			this.perMessage = headerUse == HeaderUse.PER_MESSAGE;
			this.headers = (headerUse != HeaderUse.NONE) ? new Headers().put(TENANT, "acme") : null;
			this.properties = properties;
		}

		@Override
		public void open() {
			this.context = this.env.startApplication(Application.class, Map.of(), this.properties);
			this.template = this.context.getBean(NatsTemplate.class);
		}

		@Override
		public ConfigurableApplicationContext context() {
			return this.context;
		}

		@Override
		public Sample run(int messages) throws Exception {
			Order order = this.env.order();
			CpuClock clock = CpuClock.start();
			for (int i = 0; i < messages; i++) {
				Headers headers = this.perMessage ? new Headers().put(TENANT, "acme") : this.headers;
				this.template.publish("bench.publish.s", order, headers);
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

		private final boolean perMessage;

		private final Headers headers;

		private Connection connection;

		Raw(BenchmarkEnvironment env, HeaderUse headerUse) {
			this.env = env;
			this.perMessage = headerUse == HeaderUse.PER_MESSAGE;
			this.headers = (headerUse != HeaderUse.NONE) ? BenchmarkEnvironment.jsonHeaders().put(TENANT, "acme")
					: BenchmarkEnvironment.jsonHeaders();
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
				Headers headers = this.perMessage ? BenchmarkEnvironment.jsonHeaders().put(TENANT, "acme") : this.headers;
				this.connection.publish("bench.publish.r", headers, this.env.mapper().writeValueAsBytes(order));
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
