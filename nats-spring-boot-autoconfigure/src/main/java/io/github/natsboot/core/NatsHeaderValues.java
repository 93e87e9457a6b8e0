package io.github.natsboot.core;

/**
 * Makes text the starter does not control (exception messages, error descriptions, trace
 * context values) safe to send as a NATS header value.
 * <p>
 * jnats refuses header values holding CR, LF or any character above {@code 0x7F}, and
 * other clients choke on further control characters; a header built from an exception
 * message that quotes a payload's bytes would make the whole message fail. The values
 * made here hold printable ASCII only: CR, LF and tab become spaces, any other control
 * or non-ASCII character becomes a {@code \\uXXXX} escape, and a value longer than its
 * bound is cut and ends in {@code ...}.
 */
public final class NatsHeaderValues {

	/**
	 * Default bound of a value: long enough for an exception's class and message, short
	 * enough to leave a small reply small.
	 */
	public static final int DEFAULT_MAX_LENGTH = 512;

	private static final String ELLIPSIS = "...";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private NatsHeaderValues() {
	}

	/**
	 * Make a header value of at most {@value #DEFAULT_MAX_LENGTH} characters.
	 * @param text the text, may be {@code null}
	 * @return the value, empty for {@code null}
	 */
	public static String of(String text) {
		return of(text, DEFAULT_MAX_LENGTH);
	}

	/**
	 * Make a header value of at most the given number of characters.
	 * @param text the text, may be {@code null}
	 * @param maxLength the bound, at least {@code 4}
	 * @return the value, empty for {@code null}
	 */
	public static String of(String text, int maxLength) {
		if (maxLength < ELLIPSIS.length() + 1) {
			throw new IllegalArgumentException("maxLength must be at least 4, was " + maxLength);
		}
		if (text == null) {
			return "";
		}
		String trimmed = text.strip();
		if (trimmed.length() <= maxLength && isPrintableAscii(trimmed)) {
			return trimmed;
		}
		int escapedLength = 0;
		for (int i = 0; i < trimmed.length(); i++) {
			escapedLength += width(trimmed.charAt(i));
		}
		int limit = (escapedLength <= maxLength) ? maxLength : maxLength - ELLIPSIS.length();
		StringBuilder value = new StringBuilder(Math.min(escapedLength, maxLength));
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (value.length() + width(c) > limit) {
				return value.append(ELLIPSIS).toString();
			}
			append(value, c);
		}
		return value.toString();
	}

	private static boolean isPrintableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!isPrintableAscii(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isPrintableAscii(char c) {
		return c >= 0x20 && c < 0x7F;
	}

	private static boolean isLineOrTab(char c) {
		return c == '\r' || c == '\n' || c == '\t';
	}

	private static int width(char c) {
		return (isPrintableAscii(c) || isLineOrTab(c)) ? 1 : 6;
	}

	private static void append(StringBuilder value, char c) {
		if (isPrintableAscii(c)) {
			value.append(c);
		}
		else if (isLineOrTab(c)) {
			value.append(' ');
		}
		else {
			value.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
				.append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
		}
	}

}
