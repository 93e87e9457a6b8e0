package io.github.natsboot.jetstream;

import java.util.Collection;

/**
 * Relations between subject patterns ({@code *} matches one token, {@code >} one or
 * more trailing tokens), as the server applies them to stream subjects and consumer
 * filters.
 */
final class SubjectPatterns {

	private static final String ONE = "*";

	private static final String REST = ">";

	private SubjectPatterns() {
	}

	/**
	 * Return whether some subject matches both patterns, so that two streams capturing
	 * them would overlap ({@code orders.>} and {@code orders.new} do).
	 * @param first a pattern
	 * @param second another pattern
	 * @return whether the patterns overlap
	 */
	static boolean overlap(String first, String second) {
		String[] a = first.split("\\.", -1);
		String[] b = second.split("\\.", -1);
		int common = Math.min(a.length, b.length);
		for (int i = 0; i < common; i++) {
			if (a[i].equals(REST) || b[i].equals(REST)) {
				return true;
			}
			if (!a[i].equals(ONE) && !b[i].equals(ONE) && !a[i].equals(b[i])) {
				return false;
			}
		}
		return a.length == b.length;
	}

	/**
	 * Return whether every subject matching {@code pattern} also matches
	 * {@code container}.
	 * @param pattern the narrower pattern
	 * @param container the wider pattern
	 * @return whether {@code pattern} is a subset of {@code container}
	 */
	static boolean isSubset(String pattern, String container) {
		String[] a = pattern.split("\\.", -1);
		String[] b = container.split("\\.", -1);
		for (int i = 0; i < b.length; i++) {
			if (b[i].equals(REST)) {
				return i < a.length;
			}
			if (i >= a.length || a[i].equals(REST)) {
				return false;
			}
			if (b[i].equals(ONE)) {
				continue;
			}
			if (a[i].equals(ONE) || !a[i].equals(b[i])) {
				return false;
			}
		}
		return a.length == b.length;
	}

	/**
	 * Return whether the server accepts a consumer filter for a stream: the filter lies
	 * within one of the stream's subjects, or is a wildcard that covers one of them.
	 * @param filter the consumer's filter subject
	 * @param streamSubjects the stream's subjects
	 * @return whether the filter is valid for the stream
	 */
	static boolean isValidFilter(String filter, Collection<String> streamSubjects) {
		boolean wildcard = filter.contains(ONE) || filter.contains(REST);
		for (String subject : streamSubjects) {
			if (isSubset(filter, subject) || (wildcard && isSubset(subject, filter))) {
				return true;
			}
		}
		return false;
	}

}
