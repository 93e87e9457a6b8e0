package io.github.natsboot.listener;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches keys against several key patterns on the client, for a watch that the server
 * can only filter on one pattern (servers before 2.10 take one filter subject per
 * consumer): the watch then filters on {@link #covering()}, the narrowest
 * {@code prefix.>} pattern that covers them all, and the listener drops the changes of
 * other keys. The patterns are split into tokens once; matching allocates nothing.
 */
final class KeyPatternFilter {

	private static final String ONE = "*";

	private static final String REST = ">";

	private final String[][] patterns;

	private final String covering;

	private KeyPatternFilter(List<String> patterns) {
		this.patterns = patterns.stream().map((pattern) -> pattern.split("\\.", -1)).toArray(String[][]::new);
		this.covering = covering(this.patterns);
	}

	/**
	 * Create the filter of several patterns.
	 * @param patterns the key patterns, valid and without duplicates
	 * @return the filter
	 */
	static KeyPatternFilter of(List<String> patterns) {
		return new KeyPatternFilter(patterns);
	}

	/**
	 * Return the narrowest pattern of the form {@code prefix.>} (or {@code >}) that every
	 * key matching one of the patterns matches.
	 * @return the covering pattern
	 */
	String covering() {
		return this.covering;
	}

	/**
	 * Return whether a key matches one of the patterns.
	 * @param key the key
	 * @return whether it matches
	 */
	boolean matches(String key) {
		for (String[] pattern : this.patterns) {
			if (matches(pattern, key)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(String[] pattern, String key) {
		int length = key.length();
		int start = 0;
		for (String token : pattern) {
			if (start > length) {
				return false;
			}
			if (token.equals(REST)) {
				return true;
			}
			int end = key.indexOf('.', start);
			if (end < 0) {
				end = length;
			}
			if (!token.equals(ONE)
					&& (end - start != token.length() || !key.regionMatches(start, token, 0, token.length()))) {
				return false;
			}
			start = end + 1;
		}
		return start > length;
	}

	private static String covering(String[][] patterns) {
		List<String> prefix = new ArrayList<>();
		for (int i = 0;; i++) {
			String token = patterns[0][i];
			for (String[] pattern : patterns) {
				if (pattern.length <= i + 1 || !pattern[i].equals(token) || pattern[i].equals(ONE)
						|| pattern[i].equals(REST)) {
					return prefix.isEmpty() ? REST : String.join(".", prefix) + "." + REST;
				}
			}
			prefix.add(token);
		}
	}

}
