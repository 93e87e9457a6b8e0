package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.natsboot.benchmarks.TracedVariant.Expected;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter with its observations and a tracer against raw jnats traced by hand with
 * the same tracer: what a jnats application writes with Micrometer Tracing to get the
 * same spans (a consumer span per message continuing the trace in its headers, a
 * producer span per publish whose context goes out in the headers, the same names and
 * tags). The tracer's own cost is then on both sides, and the ratio shows what the
 * starter adds to it: the Observation API, the timers Boot's meter handler records, the
 * starter's conventions and header carriers. The tracer comes from an application with
 * no listener and no template use of its own ({@link Tracing}), whose {@link Tracer} and
 * {@link Propagator} the raw side uses.
 */
final class HandTracedScenarios {

	private static final Propagator.Getter<Message> HEADER_GETTER = (message, key) -> {
		Headers headers = message.getHeaders();
		return (headers != null) ? headers.getFirst(key) : null;
	};

	private static final Propagator.Setter<Headers> HEADER_SETTER = (headers, key, value) -> headers.put(key, value);

	private HandTracedScenarios() {
	}

	/**
	 * The observed core listener against a dispatcher that traces each message by hand.
	 * @param env the environment
	 * @return the scenario
	 */
	static Scenario coreListener(BenchmarkEnvironment env) {
		return new Scenario("core listener with tracer, starter vs jnats traced by hand", 400_000,
				List.of(new Check(Metric.THROUGHPUT, 0.85)),
				new Scenario.Labeled("starter", () -> new TracedVariant(
						CoreListenerScenario.starter(env, 1, Tracing.on(ObservationScenarios.LISTENER_OBSERVED)),
						Expected.SPANS)),
				new Scenario.Labeled("raw traced", () -> new TracedVariant(new TracedDispatcher(env), Expected.SPANS)));
	}

	/**
	 * The observed template publishing against {@code Connection.publish} traced by hand.
	 * @param env the environment
	 * @return the scenario
	 */
	static Scenario templatePublish(BenchmarkEnvironment env) {
		return new Scenario("template publish with tracer, starter vs jnats traced by hand", 900_000,
				List.of(new Check(Metric.THROUGHPUT, 0.90)),
				new Scenario.Labeled("starter",
						() -> new TracedVariant(
								CorePublishScenario.starter(env, Tracing.on(ObservationScenarios.TEMPLATE_OBSERVED)),
								Expected.SPANS)),
				new Scenario.Labeled("raw traced", () -> new TracedVariant(new TracedPublisher(env), Expected.SPANS)));
	}

	/**
	 * What both raw variants run on: the tracer's application, its {@link Tracer} and
	 * {@link Propagator}, and a jnats connection of their own.
	 */
	private static final class TracerSide {

		final ConfigurableApplicationContext context;

		final Tracer tracer;

		final Propagator propagator;

		final Connection connection;

		TracerSide(BenchmarkEnvironment env) throws Exception {
			this.context = env.startApplication(CorePublishScenario.Application.class, Map.of(), Tracing.on());
			this.tracer = this.context.getBean(Tracer.class);
			this.propagator = this.context.getBean(Propagator.class);
			try {
				this.connection = env.connect("bench-raw-traced");
			}
			catch (Exception ex) {
				this.context.close();
				throw ex;
			}
		}

		static void close(TracerSide side) throws InterruptedException {
			if (side != null) {
				side.connection.close();
				side.context.close();
			}
		}

	}

	/**
	 * A dispatcher whose handler continues the trace of each message in a consumer span
	 * tagged as the starter's observation tags it, reads the order and counts it.
	 */
	static final class TracedDispatcher extends CoreListenerScenario.FedSubscriber implements ApplicationVariant {

		private TracerSide side;

		TracedDispatcher(BenchmarkEnvironment env) {
			super(env, 1, "t");
		}

		@Override
		void subscribe() throws Exception {
			this.side = new TracerSide(this.env);
			Tracer tracer = this.side.tracer;
			Propagator propagator = this.side.propagator;
			String contextualName = this.subject + " process";
			Dispatcher dispatcher = this.side.connection.createDispatcher((message) -> {
				Span span = propagator.extract(message, HEADER_GETTER)
					.name(contextualName)
					.kind(Span.Kind.CONSUMER)
					.remoteServiceName("nats")
					.tag("messaging.system", "nats")
					.tag("messaging.operation", "process")
					.tag("messaging.destination.template", this.subject)
					.tag("nats.listener.id", "orders")
					.tag("messaging.destination.name", message.getSubject())
					.start();
				try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
					Order order = this.env.mapper().readValue(message.getData(), Order.class);
					this.arrivals.record(order.quantity());
				}
				finally {
					span.end();
				}
			});
			dispatcher.subscribe(this.subject);
			this.side.connection.flush(Duration.ofSeconds(10));
		}

		@Override
		public ConfigurableApplicationContext context() {
			return (this.side != null) ? this.side.context : null;
		}

		@Override
		void unsubscribe() throws InterruptedException {
			TracerSide.close(this.side);
		}

	}

	/**
	 * {@code Connection.publish} of the order in a producer span tagged as the starter's
	 * observation tags it, with the span's context injected into new headers for each
	 * message (the content type, as the starter adds it, and the trace context).
	 */
	static final class TracedPublisher implements ApplicationVariant {

		private final BenchmarkEnvironment env;

		private TracerSide side;

		TracedPublisher(BenchmarkEnvironment env) {
			this.env = env;
		}

		@Override
		public void open() throws Exception {
			this.side = new TracerSide(this.env);
		}

		@Override
		public ConfigurableApplicationContext context() {
			return (this.side != null) ? this.side.context : null;
		}

		@Override
		public Sample run(int messages) throws Exception {
			Tracer tracer = this.side.tracer;
			Propagator propagator = this.side.propagator;
			Connection connection = this.side.connection;
			Order order = this.env.order();
			String subject = "bench.publish.t";
			CpuClock clock = CpuClock.start();
			for (int i = 0; i < messages; i++) {
				Span span = tracer.spanBuilder()
					.name("publish")
					.kind(Span.Kind.PRODUCER)
					.remoteServiceName("nats")
					.tag("messaging.system", "nats")
					.tag("messaging.operation", "publish")
					.tag("nats.template.name", "natsTemplate")
					.tag("messaging.destination.name", subject)
					.start();
				try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
					Headers headers = BenchmarkEnvironment.jsonHeaders();
					propagator.inject(span.context(), headers, HEADER_SETTER);
					connection.publish(subject, headers, this.env.mapper().writeValueAsBytes(order));
				}
				finally {
					span.end();
				}
			}
			connection.flush(Duration.ofSeconds(30));
			return clock.stop(messages);
		}

		@Override
		public void close() throws InterruptedException {
			TracerSide.close(this.side);
		}

	}

}
