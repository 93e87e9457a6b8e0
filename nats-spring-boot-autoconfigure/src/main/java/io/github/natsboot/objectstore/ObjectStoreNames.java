package io.github.natsboot.objectstore;

/**
 * Validates bucket and object names before anything is sent to the server.
 */
final class ObjectStoreNames {

	private ObjectStoreNames() {
	}

	/**
	 * Check a bucket name: letters, digits, {@code -} and {@code _}.
	 * @param bucket the bucket name
	 * @throws IllegalArgumentException if the name is invalid
	 */
	static void validateBucket(String bucket) {
		if (bucket == null || bucket.isEmpty()) {
			throw new IllegalArgumentException("An object store bucket name is required");
		}
		for (int i = 0; i < bucket.length(); i++) {
			char c = bucket.charAt(i);
			boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!alphanumeric && c != '-' && c != '_') {
				throw new IllegalArgumentException("Invalid object store bucket name '" + bucket + "': it contains "
						+ (Character.isWhitespace(c) || Character.isISOControl(c)
								? String.format("the character U+%04X", (int) c) : "'" + c + "'")
						+ "; only letters, digits, '-' and '_' are allowed");
			}
		}
	}

	/**
	 * Check an object name: any text that is not empty.
	 * @param bucket the bucket, for the message
	 * @param name the object name
	 * @param what what the name is, such as {@code "object name"} or {@code "link name"}
	 * @throws IllegalArgumentException if the name is missing or empty
	 */
	static void validateName(String bucket, String name, String what) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("A non-empty " + what + " is required for object store '" + bucket
					+ "'");
		}
	}

}
