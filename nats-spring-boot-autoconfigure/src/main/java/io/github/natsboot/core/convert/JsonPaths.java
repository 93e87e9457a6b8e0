package io.github.natsboot.core.convert;

/**
 * Writes where in a JSON document a payload did not match its type, as
 * {@code items[2].quantity}, from the path references of either Jackson.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	/**
	 * Append one step of a path.
	 * @param path the path so far
	 * @param propertyName the property of this step, or {@code null} for an array element
	 * @param index the index of an array element, negative for a property
	 */
	static void append(StringBuilder path, String propertyName, int index) {
		if (propertyName != null) {
			if (!path.isEmpty()) {
				path.append('.');
			}
			path.append(propertyName);
		}
		else if (index >= 0) {
			path.append('[').append(index).append(']');
		}
	}

}
