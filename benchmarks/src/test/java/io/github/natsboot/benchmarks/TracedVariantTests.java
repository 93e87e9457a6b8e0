package io.github.natsboot.benchmarks;

import io.github.natsboot.benchmarks.TracedVariant.Expected;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class TracedVariantTests {

	private final SpanCounter spanCounter = new SpanCounter();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(BatchSpanProcessor.builder(this.spanCounter).build())
		.build();

	private final OtelTracer tracer = new OtelTracer(this.tracerProvider.get("test"), new OtelCurrentTraceContext(),
			(event) -> {
			});

	@AfterEach
	void shutDownTheTracer() {
		this.tracerProvider.close();
	}

	@Test
	void anApplicationMeantToRunWithoutATracerMustHaveNone() {
		Expected.NO_TRACER.check(context());
		assertCheckFails(Expected.NO_TRACER, context(Tracer.NOOP), "without a tracer");
	}

	@Test
	void anApplicationMeantToTraceMustHaveTheOpenTelemetryTracer() {
		assertCheckFails(Expected.SPANS, context(Tracer.NOOP), "OpenTelemetry tracer");
		assertCheckFails(Expected.NO_SPANS, context(), "OpenTelemetry tracer");
	}

	@Test
	void spansStillInTheBatchProcessorAreFlushedAndCounted() {
		this.tracer.nextSpan().name("observed").start().end();
		Expected.SPANS.check(context(this.tracer));
		assertThat(this.spanCounter.count()).isOne();
	}

	@Test
	void anApplicationMeantToObserveNothingMustHaveExportedNoSpan() {
		Expected.NO_SPANS.check(context(this.tracer));
		this.tracer.nextSpan().name("observed").start().end();
		assertCheckFails(Expected.NO_SPANS, context(this.tracer), "exported 1 spans");
	}

	@Test
	void anApplicationMeantToRecordSpansMustHaveExportedSome() {
		assertCheckFails(Expected.SPANS, context(this.tracer), "exported 0 spans");
	}

	@Test
	void theApplicationIsCheckedAfterTheFirstRoundOnly() throws Exception {
		GenericApplicationContext context = context();
		TracedVariant variant = new TracedVariant(new FixedApplication(context), Expected.NO_TRACER);
		variant.open();
		variant.run(1);
		context.getBeanFactory().registerSingleton("tracer", Tracer.NOOP);
		assertThatNoException().isThrownBy(() -> variant.run(1));
	}

	@Test
	void aFailedCheckFailsTheFirstRound() throws Exception {
		TracedVariant variant = new TracedVariant(new FixedApplication(context(Tracer.NOOP)), Expected.NO_TRACER);
		variant.open();
		assertThatIllegalStateException().isThrownBy(() -> variant.run(1));
	}

	private static void assertCheckFails(Expected expected, ConfigurableApplicationContext context, String message) {
		assertThatIllegalStateException().isThrownBy(() -> expected.check(context)).withMessageContaining(message);
	}

	private GenericApplicationContext context(Tracer... tracers) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getBeanFactory().registerSingleton("spanCounter", this.spanCounter);
		context.getBeanFactory().registerSingleton("tracerProvider", this.tracerProvider);
		for (Tracer tracer : tracers) {
			context.getBeanFactory().registerSingleton("tracer", tracer);
		}
		context.refresh();
		return context;
	}

	/**
	 * An application variant whose rounds do nothing.
	 */
	private record FixedApplication(ConfigurableApplicationContext context) implements ApplicationVariant {

		@Override
		public Sample run(int messages) {
			return new Sample(messages, 1, 1, null);
		}

		@Override
		public void open() {
		}

		@Override
		public void close() {
		}

	}

}
