package io.github.natsboot.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trace context crosses real NATS hops with the tracer that Spring Boot's own tracing
 * auto-configuration builds from {@code management.tracing.*}, for each propagation type
 * Boot offers: the template's producer span is written into the message headers in the
 * configured format, and the listener's consumer span continues it, for publish,
 * request/reply, and a JetStream message that fails and is dead-lettered (the dead letter
 * keeps the original's trace headers, so a listener of the dead letters continues the
 * same trace). With Boot's default propagation, a listener also continues traces whose
 * header names clients in other languages spell in another case. Subclasses choose the
 * tracer bridge (Brave or OpenTelemetry) and collect its finished spans.
 */
@EmbeddedNats
abstract class AbstractBootTracingIntegrationTests {

	private final NatsServer server;

	private final Received received = new Received(new LinkedBlockingQueue<>());

	AbstractBootTracingIntegrationTests(NatsServer server) {
		this.server = server;
	}

	/**
	 * Boot's auto-configuration of the tracer bridge under test, and what it needs besides
	 * Boot's observation and tracing auto-configurations.
	 * @return the auto-configuration classes
	 */
	abstract Class<?>[] tracerAutoConfigurations();

	/**
	 * The type of the one {@link Tracer} the bridge's auto-configuration creates.
	 * @return the tracer type
	 */
	abstract Class<? extends Tracer> tracerType();

	/**
	 * A configuration with the bean that collects finished spans, the way an application
	 * plugs a span handler or exporter into Boot's tracing auto-configuration.
	 * @return the configuration class
	 */
	abstract Class<?> spanCollectorConfiguration();

	/**
	 * The spans finished so far.
	 * @param context the application context
	 * @return the finished spans
	 */
	abstract List<FinishedSpan> finishedSpans(AssertableApplicationContext context);

	/**
	 * Properties the bridge needs in tests, for example a short export delay.
	 * @return properties as {@code name=value}
	 */
	String[] bridgeProperties() {
		return new String[0];
	}

	@BeforeEach
	void deleteStreams() throws Exception {
		TestStreams.deleteAll(this.server.getUrl());
	}

	private ApplicationContextRunner contextRunner(Propagation propagation) {
		return contextRunner().withPropertyValues("management.tracing.propagation.type=" + propagation.property);
	}

	/**
	 * A context with Boot's default propagation: produce W3C, consume W3C, B3 and B3
	 * multi.
	 * @return the context runner
	 */
	private ApplicationContextRunner contextRunner() {
		AutoConfigurations boot = AutoConfigurations.of(ObservationAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class);
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsJetStreamAutoConfiguration.class))
			.withConfiguration(boot)
			.withConfiguration(AutoConfigurations.of(tracerAutoConfigurations()))
			.withPropertyValues("nats.servers=" + this.server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=10s", "nats.template.observation-enabled=true",
					"nats.listener.observation-enabled=true", "nats.listener.jetstream.max-deliver=2",
					"nats.jetstream.streams.TRACES.subjects=traces.>", "nats.jetstream.streams.DLQ.subjects=dlq.>",
					"management.tracing.sampling.probability=1.0")
			.withPropertyValues(bridgeProperties())
			.withBean(Received.class, () -> this.received)
			.withUserConfiguration(spanCollectorConfiguration(), TracedListeners.class);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Propagation.class)
	void publishSendsAProducerSpanInTheHeadersAndTheListenerContinuesIt(Propagation propagation) {
		contextRunner(propagation).run((context) -> {
			assertThat(context).hasSingleBean(Tracer.class).getBean(Tracer.class).isInstanceOf(tracerType());
			context.getBean(NatsTemplate.class).publish("trace.core", "hello");
			ReceivedMessage message = nextReceived("core");
			FinishedSpan publish = awaitSpan(context, "publish", "trace.core");
			assertThat(publish.getKind()).isEqualTo(Span.Kind.PRODUCER);
			assertThat(publish.getTags()).containsEntry("messaging.system", "nats")
				.containsEntry("messaging.operation", "publish");
			propagation.assertCarries(message.headers(), publish);
			FinishedSpan process = awaitSpan(context, "trace.core process", "trace.core");
			assertThat(process.getKind()).isEqualTo(Span.Kind.CONSUMER);
			assertThat(process.getTraceId()).isEqualTo(publish.getTraceId());
			assertThat(process.getParentId()).isEqualTo(publish.getSpanId());
			assertThat(message.traceId()).isEqualTo(process.getTraceId());
			assertThat(message.spanId()).isEqualTo(process.getSpanId());
		});
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Propagation.class)
	void traceOfTheCallerContinuesThroughThePublishIntoTheListener(Propagation propagation) {
		contextRunner(propagation).run((context) -> {
			Tracer tracer = context.getBean(Tracer.class);
			Span caller = tracer.nextSpan().name("caller").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(caller)) {
				context.getBean(NatsTemplate.class).publish("trace.core", "hello");
			}
			finally {
				caller.end();
			}
			ReceivedMessage message = nextReceived("core");
			FinishedSpan publish = awaitSpan(context, "publish", "trace.core");
			assertThat(publish.getTraceId()).isEqualTo(caller.context().traceId());
			assertThat(publish.getParentId()).isEqualTo(caller.context().spanId());
			assertThat(message.traceId()).isEqualTo(caller.context().traceId());
		});
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Propagation.class)
	void requestSendsAProducerSpanInTheHeadersAndTheReplyingListenerContinuesIt(Propagation propagation) {
		contextRunner(propagation).run((context) -> {
			String reply = context.getBean(NatsTemplate.class).request("trace.echo", "ping", String.class);
			assertThat(reply).isEqualTo("ping");
			ReceivedMessage message = nextReceived("echo");
			FinishedSpan request = awaitSpan(context, "request", "trace.echo");
			assertThat(request.getKind()).isEqualTo(Span.Kind.PRODUCER);
			assertThat(request.getTags()).containsEntry("messaging.operation", "request");
			propagation.assertCarries(message.headers(), request);
			FinishedSpan process = awaitSpan(context, "trace.echo process", "trace.echo");
			assertThat(process.getKind()).isEqualTo(Span.Kind.CONSUMER);
			assertThat(process.getTraceId()).isEqualTo(request.getTraceId());
			assertThat(process.getParentId()).isEqualTo(request.getSpanId());
			assertThat(message.spanId()).isEqualTo(process.getSpanId());
		});
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Propagation.class)
	void deadLetterOfAFailingJetStreamListenerCarriesTheTraceOfTheOriginal(Propagation propagation) {
		contextRunner(propagation).run((context) -> {
			context.getBean(NatsTemplate.class).publishToStream("traces.failing", "doomed");
			ReceivedMessage first = nextReceived("failing");
			ReceivedMessage second = nextReceived("failing");
			FinishedSpan publish = awaitSpan(context, "stream-publish", "traces.failing");
			propagation.assertCarries(first.headers(), publish);
			assertThat(second.traceId()).isEqualTo(publish.getTraceId());

			Headers deadLetter = deadLetterHeaders(context.getBean(Connection.class));
			assertThat(deadLetter.getFirst(NatsHeaders.DLQ_SUBJECT)).isEqualTo("traces.failing");
			assertThat(deadLetter.getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("max-deliveries");
			propagation.assertCarries(deadLetter, publish);

			ReceivedMessage followed = nextReceived("dead-letters");
			assertThat(followed.traceId()).isEqualTo(publish.getTraceId());
			List<FinishedSpan> attempts = awaitSpans(context, 2,
					(span) -> "traces.failing process".equals(span.getName()));
			assertThat(attempts).allSatisfy((attempt) -> {
				assertThat(attempt.getKind()).isEqualTo(Span.Kind.CONSUMER);
				assertThat(attempt.getTraceId()).isEqualTo(publish.getTraceId());
				assertThat(attempt.getParentId()).isEqualTo(publish.getSpanId());
				assertThat(attempt.getError()).isNotNull();
			});
			FinishedSpan dlqProcess = awaitSpan(context, "dlq.> process", "dlq.TRACES.failing");
			assertThat(dlqProcess.getTraceId()).isEqualTo(publish.getTraceId());
			assertThat(dlqProcess.getParentId()).isEqualTo(publish.getSpanId());
		});
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(ForeignTraceHeaders.class)
	void listenerContinuesATraceWhoseHeaderNamesAnotherClientSpelledInItsOwnCase(ForeignTraceHeaders foreign) {
		contextRunner().run((context) -> {
			try (Connection client = Nats.connect(this.server.getUrl())) {
				client.publish("trace.core", foreign.headers(), "hello".getBytes(StandardCharsets.UTF_8));
				client.flush(Duration.ofSeconds(5));
			}
			ReceivedMessage message = nextReceived("core");
			assertThat(message.traceId()).isEqualTo(ForeignTraceHeaders.TRACE_ID);
			FinishedSpan process = awaitSpan(context, "trace.core process", "trace.core");
			assertThat(process.getTraceId()).isEqualTo(ForeignTraceHeaders.TRACE_ID);
			assertThat(process.getParentId()).isEqualTo(ForeignTraceHeaders.SPAN_ID);
		});
	}

	private static Headers deadLetterHeaders(Connection connection) throws Exception {
		JetStreamManagement management = connection.jetStreamManagement();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> management.getStreamInfo("DLQ").getStreamState().getMsgCount() > 0);
		MessageInfo deadLetter = management.getMessage("DLQ", 1);
		assertThat(deadLetter.getSubject()).isEqualTo("dlq.TRACES.failing");
		return deadLetter.getHeaders();
	}

	private ReceivedMessage nextReceived(String listener) throws InterruptedException {
		ReceivedMessage message = this.received.queue().poll(20, TimeUnit.SECONDS);
		assertThat(message).as("message received by listener " + listener).isNotNull();
		assertThat(message.listener()).isEqualTo(listener);
		return message;
	}

	private FinishedSpan awaitSpan(AssertableApplicationContext context, String name, String subject) {
		return awaitSpans(context, 1, (span) -> name.equals(span.getName())
				&& subject.equals(span.getTags().get("messaging.destination.name")))
			.get(0);
	}

	private List<FinishedSpan> awaitSpans(AssertableApplicationContext context, int count,
			Predicate<FinishedSpan> matching) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> finishedSpans(context).stream().filter(matching).count() >= count);
		return finishedSpans(context).stream().filter(matching).toList();
	}

	/**
	 * The propagation types of {@code management.tracing.propagation.type}, each with the
	 * headers it writes and how to read the trace and span id from them.
	 */
	enum Propagation {

		W3C("w3c", "traceparent") {

			@Override
			String[] ids(Headers headers) {
				String[] parts = headers.getFirst("traceparent").split("-");
				assertThat(parts).hasSize(4);
				return new String[] { parts[1], parts[2] };
			}

		},

		B3("b3", "b3") {

			@Override
			String[] ids(Headers headers) {
				String[] parts = headers.getFirst("b3").split("-");
				assertThat(parts.length).isBetween(2, 4);
				return new String[] { parts[0], parts[1] };
			}

		},

		B3_MULTI("b3_multi", "X-B3-TraceId") {

			@Override
			String[] ids(Headers headers) {
				assertThat(headers.getFirst("X-B3-Sampled")).isEqualTo("1");
				return new String[] { headers.getFirst("X-B3-TraceId"), headers.getFirst("X-B3-SpanId") };
			}

		};

		private final String property;

		private final String header;

		Propagation(String property, String header) {
			this.property = property;
			this.header = header;
		}

		/**
		 * The trace and span id that the headers carry in this propagation's format.
		 * @param headers the message headers
		 * @return the trace id and the span id
		 */
		abstract String[] ids(Headers headers);

		/**
		 * Assert that the headers carry the span in this propagation's format, and no
		 * trace header of another format.
		 * @param headers the message headers
		 * @param span the span that sent the message
		 */
		void assertCarries(Headers headers, FinishedSpan span) {
			assertThat(headers).as("message headers").isNotNull();
			for (Propagation other : values()) {
				if (other == this) {
					assertThat(headers.containsKey(other.header)).as("has " + other.header).isTrue();
				}
				else {
					assertThat(headers.containsKey(other.header)).as("has " + other.header).isFalse();
				}
			}
			assertThat(ids(headers)).containsExactly(span.getTraceId(), span.getSpanId());
		}

	}

	/**
	 * Trace headers as NATS clients in other languages write them: NATS header names are
	 * case-sensitive, while propagators are written for HTTP, whose header names are not.
	 */
	enum ForeignTraceHeaders {

		/**
		 * OpenTelemetry JavaScript's B3 multi propagator (with nats.js): lower case.
		 */
		LOWER_CASE_B3_MULTI("x-b3-traceid", "x-b3-spanid", "x-b3-sampled"),

		/**
		 * OpenTelemetry Go's W3C propagator through a {@code propagation.HeaderCarrier}
		 * over a nats.go header, which canonicalizes names as {@code http.Header} does.
		 */
		CANONICAL_W3C("Traceparent", null, null),

		/**
		 * The B3 multi propagator through the same canonicalizing carrier.
		 */
		CANONICAL_B3_MULTI("X-B3-Traceid", "X-B3-Spanid", "X-B3-Sampled");

		static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

		static final String SPAN_ID = "00f067aa0ba902b7";

		private final String traceHeader;

		private final String spanHeader;

		private final String sampledHeader;

		ForeignTraceHeaders(String traceHeader, String spanHeader, String sampledHeader) {
			this.traceHeader = traceHeader;
			this.spanHeader = spanHeader;
			this.sampledHeader = sampledHeader;
		}

		Headers headers() {
			if (this.spanHeader == null) {
				return new Headers().put(this.traceHeader, "00-" + TRACE_ID + "-" + SPAN_ID + "-01");
			}
			return new Headers().put(this.traceHeader, TRACE_ID)
				.put(this.spanHeader, SPAN_ID)
				.put(this.sampledHeader, "1");
		}

	}

	record Received(BlockingQueue<ReceivedMessage> queue) {

		void add(String listener, Message message, Tracer tracer) {
			Span span = tracer.currentSpan();
			this.queue.add(new ReceivedMessage(listener, message.getHeaders(),
					(span != null) ? span.context().traceId() : null, (span != null) ? span.context().spanId() : null));
		}

	}

	/**
	 * A message as a listener saw it: its headers, and the span current while the
	 * listener ran.
	 */
	record ReceivedMessage(String listener, Headers headers, String traceId, String spanId) {
	}

	@Configuration(proxyBeanMethods = false)
	static class TracedListeners {

		private final Tracer tracer;

		private final Received received;

		TracedListeners(Tracer tracer, Received received) {
			this.tracer = tracer;
			this.received = received;
		}

		@NatsListener(id = "core", subjects = "trace.core")
		void core(Message message) {
			this.received.add("core", message, this.tracer);
		}

		@NatsListener(id = "echo", subjects = "trace.echo")
		String echo(Message message, String text) {
			this.received.add("echo", message, this.tracer);
			return text;
		}

		@NatsListener(id = "failing", stream = "TRACES", subjects = "traces.failing", backoff = "100ms")
		void failing(Message message) {
			this.received.add("failing", message, this.tracer);
			throw new IllegalStateException("cannot process");
		}

		@NatsListener(id = "dead-letters", stream = "DLQ", subjects = "dlq.>")
		void deadLetters(Message message) {
			this.received.add("dead-letters", message, this.tracer);
		}

	}

}
