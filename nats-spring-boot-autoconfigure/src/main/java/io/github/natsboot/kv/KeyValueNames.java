package io.github.natsboot.kv;

/**
 * Validates bucket names, keys and key patterns before anything is sent to the server,
 * with messages that name the key and the bucket.
 */
public final class KeyValueNames {

	private static final String ALLOWED = "letters, digits and '-', '/', '_', '=', '.'";

	private KeyValueNames() {
	}

	/**
	 * Check a bucket name: letters, digits, {@code -} and {@code _}.
	 * @param bucket the bucket name
	 * @throws IllegalArgumentException if the name is invalid
	 */
	public static void validateBucket(String bucket) {
		if (bucket == null || bucket.isEmpty()) {
			throw new IllegalArgumentException("A key-value bucket name is required");
		}
		for (int i = 0; i < bucket.length(); i++) {
			char c = bucket.charAt(i);
			if (!isAlphanumeric(c) && c != '-' && c != '_') {
				throw new IllegalArgumentException("Invalid key-value bucket name '" + bucket + "': it contains "
						+ describe(c) + "; only letters, digits, '-' and '_' are allowed");
			}
		}
	}

	/**
	 * Check a key: tokens separated by {@code .} made of {@code [-/_=a-zA-Z0-9]}.
	 * @param bucket the bucket, for the message
	 * @param key the key
	 * @throws IllegalArgumentException if the key is invalid
	 */
	public static void validateKey(String bucket, String key) {
		validate(bucket, key, "key", false);
	}

	/**
	 * Check a key pattern: a key whose tokens may also be {@code *}, or {@code >} for the
	 * last one.
	 * @param bucket the bucket, for the message
	 * @param pattern the pattern
	 * @throws IllegalArgumentException if the pattern is invalid
	 */
	public static void validatePattern(String bucket, String pattern) {
		validate(bucket, pattern, "key pattern", true);
	}

	private static void validate(String bucket, String key, String what, boolean wildcards) {
		if (key == null) {
			throw new IllegalArgumentException("A " + what + " is required for bucket '" + bucket + "'");
		}
		if (key.isBlank()) {
			throw invalid(bucket, key, what, "it must not be empty or blank");
		}
		if (key.startsWith(".") || key.endsWith(".")) {
			throw invalid(bucket, key, what, "it must not start or end with '.'");
		}
		String[] tokens = key.split("\\.", -1);
		for (int i = 0; i < tokens.length; i++) {
			String token = tokens[i];
			if (token.isEmpty()) {
				throw invalid(bucket, key, what, "it must not contain an empty token ('..')");
			}
			if (wildcards && token.equals("*")) {
				continue;
			}
			if (wildcards && token.equals(">")) {
				if (i < tokens.length - 1) {
					throw invalid(bucket, key, what, "'>' is only allowed as the last token");
				}
				continue;
			}
			checkCharacters(bucket, key, what, token, wildcards);
		}
	}

	private static void checkCharacters(String bucket, String key, String what, String token, boolean wildcards) {
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (!isAllowed(c)) {
				String allowed = wildcards ? ALLOWED + ", and '*' or '>' as whole tokens" : ALLOWED;
				throw invalid(bucket, key, what, "it contains " + describe(c) + "; only " + allowed + " are allowed");
			}
		}
	}

	private static boolean isAllowed(char c) {
		return isAlphanumeric(c) || c == '-' || c == '/' || c == '_' || c == '=';
	}

	private static boolean isAlphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static String describe(char c) {
		return Character.isWhitespace(c) || Character.isISOControl(c) ? String.format("the character U+%04X", (int) c)
				: "'" + c + "'";
	}

	private static IllegalArgumentException invalid(String bucket, String key, String what, String reason) {
		return new IllegalArgumentException("Invalid " + what + " '" + key + "' for bucket '" + bucket + "': " + reason);
	}

}
