package io.github.natsboot.benchmarks;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The span exporter of the benchmark applications: counts the spans the tracer exports
 * and drops them, so that a scenario pays for recording and batching spans but for no
 * export, and can tell that spans were recorded.
 */
final class SpanCounter implements SpanExporter {

	private final LongAdder exported = new LongAdder();

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		this.exported.add(spans.size());
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

	/**
	 * The spans exported so far.
	 * @return the count
	 */
	long count() {
		return this.exported.sum();
	}

}
