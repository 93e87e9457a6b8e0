package io.github.natsboot.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A variant whose application is checked for the tracing it is meant to run with, once,
 * after its first round (not timed): no tracer at all, a tracer that records no span
 * (nothing observed), or a tracer that records spans. Without the check a scenario about
 * tracing could measure no tracing, or tracing on both sides, and not tell.
 */
final class TracedVariant implements Variant {

	private final ApplicationVariant variant;

	private final Expected expected;

	private boolean checked;

	TracedVariant(ApplicationVariant variant, Expected expected) {
		this.variant = variant;
		this.expected = expected;
	}

	@Override
	public Sample run(int messages) throws Exception {
		Sample sample = this.variant.run(messages);
		if (!this.checked) {
			this.expected.check(this.variant.context());
			this.checked = true;
		}
		return sample;
	}

	@Override
	public void open() throws Exception {
		this.variant.open();
	}

	@Override
	public void close() throws Exception {
		this.variant.close();
	}

	/**
	 * The tracing an application is meant to run with.
	 */
	enum Expected {

		/**
		 * No tracer.
		 */
		NO_TRACER,

		/**
		 * The OpenTelemetry tracer, with no span recorded.
		 */
		NO_SPANS,

		/**
		 * The OpenTelemetry tracer, with spans recorded.
		 */
		SPANS;

		void check(ConfigurableApplicationContext context) {
			Tracer tracer = context.getBeanProvider(Tracer.class).getIfAvailable();
			if (this == NO_TRACER) {
				if (tracer != null) {
					throw new IllegalStateException("The application was meant to run without a tracer, but has "
							+ tracer);
				}
				return;
			}
			if (!(tracer instanceof OtelTracer)) {
				throw new IllegalStateException("The application was meant to run with the OpenTelemetry tracer, "
						+ "but has " + tracer);
			}
			context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
			long spans = context.getBean(SpanCounter.class).count();
			if ((this == SPANS) != (spans > 0)) {
				throw new IllegalStateException("The tracer exported " + spans + " spans in the first round, "
						+ "where it was expected to export " + ((this == SPANS) ? "some" : "none"));
			}
		}

	}

}
