package io.github.natsboot.metrics;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.github.natsboot.test.NatsServer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveFinishedSpan;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.exporter.FinishedSpan;

import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link AbstractBootTracingIntegrationTests} with {@code micrometer-tracing-bridge-brave}
 * as Spring Boot's {@link BraveAutoConfiguration} wires it, spans collected by a
 * {@link SpanHandler} bean that Boot adds to its {@code Tracing}.
 */
class BraveBootTracingIntegrationTests extends AbstractBootTracingIntegrationTests {

	BraveBootTracingIntegrationTests(NatsServer server) {
		super(server);
	}

	@Override
	Class<?>[] tracerAutoConfigurations() {
		return new Class<?>[] { BraveAutoConfiguration.class };
	}

	@Override
	Class<? extends Tracer> tracerType() {
		return BraveTracer.class;
	}

	@Override
	Class<?> spanCollectorConfiguration() {
		return SpanCollector.class;
	}

	@Override
	List<FinishedSpan> finishedSpans(AssertableApplicationContext context) {
		return context.getBean(RecordingSpanHandler.class).spans.stream().map(BraveFinishedSpan::fromBrave).toList();
	}

	static class RecordingSpanHandler extends SpanHandler {

		final Queue<MutableSpan> spans = new ConcurrentLinkedQueue<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			if (cause == Cause.FINISHED) {
				this.spans.add(span);
			}
			return true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SpanCollector {

		@Bean
		RecordingSpanHandler recordingSpanHandler() {
			return new RecordingSpanHandler();
		}

	}

}
