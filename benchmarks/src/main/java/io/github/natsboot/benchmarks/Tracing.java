package io.github.natsboot.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;

/**
 * The tracer of the tracing scenarios: Spring Boot's OpenTelemetry SDK and tracing
 * auto-configurations with Micrometer Tracing's OpenTelemetry bridge, as an application
 * with {@code spring-boot-micrometer-tracing-opentelemetry} gets them, every span sampled
 * and exported only to the {@link SpanCounter}. Benchmark applications start without it
 * ({@link #WITHOUT_TRACER}, which {@link BenchmarkEnvironment#startApplication} sets);
 * {@link #on} brings it back.
 */
final class Tracing {

	private static final List<Class<?>> AUTO_CONFIGURATIONS = List.of(OpenTelemetrySdkAutoConfiguration.class,
			OpenTelemetryLoggingAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
			MicrometerTracingAutoConfiguration.class, NoopTracerAutoConfiguration.class);

	/**
	 * The property that leaves the tracer's auto-configurations out.
	 */
	static final String WITHOUT_TRACER = "spring.autoconfigure.exclude="
			+ String.join(",", AUTO_CONFIGURATIONS.stream().map(Class::getName).toList());

	private static final String[] WITH_TRACER = { "spring.autoconfigure.exclude=",
			"management.tracing.sampling.probability=1.0" };

	private Tracing() {
	}

	/**
	 * Application properties with the tracer.
	 * @param properties further properties, {@code name=value}
	 * @return the properties that bring the tracer in, then these
	 */
	static String[] on(String... properties) {
		return Stream.concat(Arrays.stream(WITH_TRACER), Arrays.stream(properties)).toArray(String[]::new);
	}

}
