package io.github.natsboot.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import brave.propagation.tracecontext.TraceContextPropagation;
import brave.sampler.Sampler;
import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trace context crosses real NATS hops in the message headers: a Brave tracer with W3C
 * propagation behind the Micrometer Observation API, on both sides of each hop.
 */
@EmbeddedNats
class NatsTracingIntegrationTests {

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

	private final SeenSpans seen = new SeenSpans(new LinkedBlockingQueue<>());

	private Tracing tracing;

	NatsTracingIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsJetStreamAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=10s", "nats.jetstream.streams.TRACES.subjects=traces.>")
			.withUserConfiguration(TracedListeners.class)
			.withBean(SeenSpans.class, () -> this.seen)
			.withBean(Tracer.class, this::tracer)
			.withBean(ObservationRegistry.class, this::observationRegistry);
	}

	@BeforeEach
	void createTracing() throws Exception {
		this.tracing = Tracing.newBuilder()
			.currentTraceContext(ThreadLocalCurrentTraceContext.newBuilder().build())
			.propagationFactory(TraceContextPropagation.newFactoryBuilder().build())
			.sampler(Sampler.ALWAYS_SAMPLE)
			.addSpanHandler(new SpanHandler() {

				@Override
				public boolean end(TraceContext context, MutableSpan span, Cause cause) {
					NatsTracingIntegrationTests.this.spans.add(span);
					return true;
				}

			})
			.build();
		TestStreams.deleteAll(this.server.getUrl());
	}

	@AfterEach
	void closeTracing() {
		this.tracing.close();
	}

	private BraveTracer tracer() {
		return new BraveTracer(this.tracing.tracer(), new BraveCurrentTraceContext(this.tracing.currentTraceContext()),
				new BraveBaggageManager(List.of(), List.of()));
	}

	private ObservationRegistry observationRegistry() {
		BraveTracer tracer = tracer();
		BravePropagator propagator = new BravePropagator(this.tracing);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return registry;
	}

	private ApplicationContextRunner observed() {
		return this.contextRunner.withPropertyValues("nats.template.observation-enabled=true",
				"nats.listener.observation-enabled=true");
	}

	@Test
	void traceStartedAtPublishContinuesInTheListener() {
		observed().run((context) -> {
			context.getBean(NatsTemplate.class).publish("trace.core", "hello");
			SeenSpan received = nextSeen("core");
			MutableSpan publish = finishedSpan("publish", "trace.core");
			assertThat(received.traceId()).isEqualTo(publish.traceId());
			assertThat(received.parentId()).isEqualTo(publish.id());
			assertThat(publish.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
			assertThat(publish.tags()).containsEntry("messaging.system", "nats")
				.containsEntry("messaging.operation", "publish")
				.containsEntry("nats.template.name", "natsTemplate");
			MutableSpan process = finishedSpan("trace.* process", "trace.core");
			assertThat(process.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
			assertThat(process.id()).isEqualTo(received.spanId());
			assertThat(process.tags()).containsEntry("nats.listener.id", "core")
				.containsEntry("messaging.destination.template", "trace.*")
				.containsEntry("messaging.operation", "process");
		});
	}

	@Test
	void traceOfTheCallerContinuesThroughTheTemplateIntoTheListener() {
		observed().run((context) -> {
			Tracer tracer = context.getBean(Tracer.class);
			Span parent = tracer.nextSpan().name("caller").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(parent)) {
				context.getBean(NatsTemplate.class).publish("trace.core", "hello", new Headers().put("X-Test", "1"));
			}
			finally {
				parent.end();
			}
			assertThat(nextSeen("core").traceId()).isEqualTo(parent.context().traceId());
		});
	}

	@Test
	void traceOfARequestContinuesInTheReplyingListener() {
		observed().run((context) -> {
			String reply = context.getBean(NatsTemplate.class).request("echo.trace", "ping", String.class);
			assertThat(reply).isEqualTo("ping");
			SeenSpan received = nextSeen("echo");
			MutableSpan request = finishedSpan("request", "echo.trace");
			assertThat(received.traceId()).isEqualTo(request.traceId());
			assertThat(received.parentId()).isEqualTo(request.id());
		});
	}

	@Test
	void traceOfAStreamPublishContinuesInTheJetStreamListener() {
		observed().run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("traces.created", "stored");
			SeenSpan received = nextSeen("jetstream");
			MutableSpan publish = finishedSpan("stream-publish", "traces.created");
			assertThat(received.traceId()).isEqualTo(publish.traceId());
			assertThat(received.parentId()).isEqualTo(publish.id());
		});
	}

	@Test
	void customConventionNamesTheObservations() {
		observed().withBean(NatsTemplateObservationConvention.class, () -> new DefaultNatsTemplateObservationConvention() {

			@Override
			public String getContextualName(NatsSenderContext context) {
				return "send " + context.getSubject();
			}

		}).run((context) -> {
			context.getBean(NatsTemplate.class).publish("trace.core", "hello");
			SeenSpan received = nextSeen("core");
			assertThat(finishedSpan("send trace.core", "trace.core").traceId()).isEqualTo(received.traceId());
		});
	}

	@Test
	void observationsAreOffUnlessEnabled() {
		this.contextRunner.run((context) -> {
			context.getBean(NatsTemplate.class).publish("trace.core", "hello");
			assertThat(nextSeen("core").traceId()).isNull();
			context.getBean(NatsTemplate.class).request("echo.trace", "ping", String.class);
			assertThat(nextSeen("echo").traceId()).isNull();
			assertThat(this.spans).isEmpty();
		});
	}

	private SeenSpan nextSeen(String listener) throws InterruptedException {
		SeenSpan received = this.seen.queue().poll(10, TimeUnit.SECONDS);
		assertThat(received).as("span seen by listener " + listener).isNotNull();
		assertThat(received.listener()).isEqualTo(listener);
		return received;
	}

	private MutableSpan finishedSpan(String name, String subject) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.spans.stream()
				.anyMatch((span) -> name.equals(span.name())
						&& subject.equals(span.tags().get("messaging.destination.name"))));
		return this.spans.stream()
			.filter((span) -> name.equals(span.name()) && subject.equals(span.tags().get("messaging.destination.name")))
			.findFirst()
			.orElseThrow();
	}

	record SeenSpans(BlockingQueue<SeenSpan> queue) {

		void add(SeenSpan span) {
			this.queue.add(span);
		}

	}

	record SeenSpan(String listener, String traceId, String spanId, String parentId) {

		static SeenSpan current(String listener, Tracer tracer) {
			Span span = tracer.currentSpan();
			if (span == null) {
				return new SeenSpan(listener, null, null, null);
			}
			return new SeenSpan(listener, span.context().traceId(), span.context().spanId(),
					span.context().parentId());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TracedListeners {

		private final Tracer tracer;

		private final SeenSpans seen;

		TracedListeners(Tracer tracer, SeenSpans seen) {
			this.tracer = tracer;
			this.seen = seen;
		}

		@NatsListener(id = "core", subjects = "trace.*")
		void core(String text) {
			this.seen.add(SeenSpan.current("core", this.tracer));
		}

		@NatsListener(id = "echo", subjects = "echo.trace")
		String echo(String text) {
			this.seen.add(SeenSpan.current("echo", this.tracer));
			return text;
		}

		@NatsListener(id = "jetstream", stream = "TRACES", subjects = "traces.>")
		void stored(String text) {
			this.seen.add(SeenSpan.current("jetstream", this.tracer));
		}

	}

}
