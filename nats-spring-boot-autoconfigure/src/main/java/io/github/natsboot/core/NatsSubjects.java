package io.github.natsboot.core;

/**
 * Checks subjects before anything is sent, so that bad input fails with a clear message
 * rather than being dropped or rejected later by the server.
 */
public final class NatsSubjects {

	private NatsSubjects() {
	}

	/**
	 * Check a subject to publish or send a request to: not empty, no whitespace, no empty
	 * token and no wildcard.
	 * @param subject the subject
	 * @return the subject
	 * @throws IllegalArgumentException if the subject cannot be published to
	 */
	public static String requirePublishSubject(String subject) {
		if (isPlainPublishSubject(subject)) {
			return subject;
		}
		checkSyntax(subject);
		if (hasWildcard(subject)) {
			throw new IllegalArgumentException(
					"Cannot publish to '" + subject + "': wildcards (* and >) are only allowed when subscribing");
		}
		return subject;
	}

	/**
	 * Check a subject to subscribe to: not empty, no whitespace, no empty token, and
	 * wildcards only as whole tokens ({@code >} last).
	 * @param subject the subject or pattern
	 * @return the subject
	 * @throws IllegalArgumentException if the subject cannot be subscribed to
	 */
	public static String requireSubscribeSubject(String subject) {
		checkSyntax(subject);
		String[] tokens = subject.split("\\.", -1);
		for (int i = 0; i < tokens.length; i++) {
			String token = tokens[i];
			if ((token.contains("*") || token.contains(">")) && token.length() > 1) {
				throw new IllegalArgumentException("Invalid subject '" + subject
						+ "': a wildcard must be a whole token, as in orders.* or orders.>");
			}
			if (token.equals(">") && i != tokens.length - 1) {
				throw new IllegalArgumentException(
						"Invalid subject '" + subject + "': > is only allowed as the last token");
			}
		}
		return subject;
	}

	/**
	 * Whether a subject contains a wildcard token.
	 * @param subject the subject
	 * @return {@code true} for a pattern such as {@code orders.*} or {@code orders.>}
	 */
	public static boolean hasWildcard(String subject) {
		return subject.indexOf('*') >= 0 || subject.indexOf('>') >= 0;
	}

	/**
	 * One pass over the characters of a subject that can be published to and has only
	 * printable ASCII characters, as nearly every subject does; the others are checked
	 * by the slower path that explains what is wrong.
	 */
	private static boolean isPlainPublishSubject(String subject) {
		if (subject == null || subject.isEmpty()) {
			return false;
		}
		int length = subject.length();
		char previous = '.';
		for (int i = 0; i < length; i++) {
			char c = subject.charAt(i);
			if (c <= ' ' || c > '~' || c == '*' || c == '>' || (c == '.' && previous == '.')) {
				return false;
			}
			previous = c;
		}
		return previous != '.';
	}

	private static void checkSyntax(String subject) {
		if (subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("Subject must not be empty");
		}
		int length = subject.length();
		char previous = '.';
		for (int i = 0; i < length; i++) {
			char c = subject.charAt(i);
			if (Character.isWhitespace(c)) {
				throw new IllegalArgumentException("Invalid subject '" + subject + "': it contains whitespace");
			}
			if (c == '.' && previous == '.') {
				throw new IllegalArgumentException("Invalid subject '" + subject + "': it has an empty token");
			}
			previous = c;
		}
		if (previous == '.') {
			throw new IllegalArgumentException("Invalid subject '" + subject + "': it has an empty token");
		}
	}

}
