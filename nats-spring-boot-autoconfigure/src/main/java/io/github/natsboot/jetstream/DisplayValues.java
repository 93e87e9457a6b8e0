package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats setting values for log and failure messages the way they are written in
 * {@code application.yml}: {@code 90s}, {@code 2h}, {@code work-queue}.
 */
final class DisplayValues {

	private static final long NANOS_PER_MILLI = 1_000_000L;

	private DisplayValues() {
	}

	static String format(Object value) {
		if (value == null) {
			return "(not set)";
		}
		if (value instanceof Duration duration) {
			return format(duration);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		if (value instanceof StreamSource source) {
			return format(source);
		}
		if (value instanceof SubjectTransform transform) {
			return format(transform.source()) + " -> " + format(transform.destination());
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + format(entry.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(DisplayValues::format).collect(Collectors.joining(", ", "[", "]"));
		}
		if (value instanceof String text) {
			return "'" + text + "'";
		}
		return String.valueOf(value);
	}

	private static String format(StreamSource source) {
		StringBuilder text = new StringBuilder("'").append(source.name()).append("'");
		if (source.filterSubject() != null) {
			text.append(" filter ").append(format(source.filterSubject()));
		}
		if (source.startSeq() != null) {
			text.append(" from sequence ").append(source.startSeq());
		}
		if (source.startTime() != null) {
			text.append(" from ").append(source.startTime());
		}
		if (!source.subjectTransforms().isEmpty()) {
			text.append(" transforms ").append(format(source.subjectTransforms()));
		}
		if (source.apiPrefix() != null || source.deliverPrefix() != null) {
			text.append(" external ").append(format(source.apiPrefix())).append("/").append(format(source.deliverPrefix()));
		}
		return text.toString();
	}

	private static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		long nanos = duration.toNanos();
		if (nanos % NANOS_PER_MILLI != 0) {
			return nanos + "ns";
		}
		long millis = duration.toMillis();
		if (millis % 1000 != 0) {
			return millis + "ms";
		}
		long seconds = duration.toSeconds();
		if (seconds % 86400 == 0) {
			return (seconds / 86400) + "d";
		}
		if (seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		if (seconds % 60 == 0) {
			return (seconds / 60) + "m";
		}
		return seconds + "s";
	}

}
