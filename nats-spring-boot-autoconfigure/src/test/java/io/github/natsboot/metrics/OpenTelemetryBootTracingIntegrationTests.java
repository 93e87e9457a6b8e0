package io.github.natsboot.metrics;

import java.util.List;

import io.github.natsboot.test.NatsServer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link AbstractBootTracingIntegrationTests} with {@code micrometer-tracing-bridge-otel}
 * as Spring Boot's {@link OpenTelemetrySdkAutoConfiguration} and
 * {@link OpenTelemetryTracingAutoConfiguration} wire it, spans collected by an
 * {@link InMemorySpanExporter} bean that Boot adds to its batch span processor.
 */
class OpenTelemetryBootTracingIntegrationTests extends AbstractBootTracingIntegrationTests {

	OpenTelemetryBootTracingIntegrationTests(NatsServer server) {
		super(server);
	}

	@Override
	Class<?>[] tracerAutoConfigurations() {
		return new Class<?>[] { OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class };
	}

	@Override
	Class<? extends Tracer> tracerType() {
		return OtelTracer.class;
	}

	@Override
	Class<?> spanCollectorConfiguration() {
		return SpanCollector.class;
	}

	@Override
	String[] bridgeProperties() {
		return new String[] { "management.opentelemetry.tracing.export.schedule-delay=50ms" };
	}

	@Override
	List<FinishedSpan> finishedSpans(AssertableApplicationContext context) {
		return context.getBean(InMemorySpanExporter.class)
			.getFinishedSpanItems()
			.stream()
			.map(OtelFinishedSpan::fromOtel)
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class SpanCollector {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
