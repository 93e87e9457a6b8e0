package io.github.natsboot.jetstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the settings of a definition that differ from the server's values, skipping
 * settings the definition does not set.
 */
final class Comparison {

	private final List<FieldDifference> differences = new ArrayList<>();

	void compare(String field, Object current, Object desired) {
		compare(field, current, desired, false);
	}

	void compare(String field, Object current, Object desired, boolean immutable) {
		if (desired != null && !desired.equals(current)) {
			add(field, current, desired, immutable);
		}
	}

	void compareDescription(String current, String desired) {
		if (desired != null && !Objects.equals(emptyAsNull(desired), emptyAsNull(current))) {
			add("description", emptyAsNull(current), emptyAsNull(desired));
		}
	}

	void add(String field, Object current, Object desired) {
		add(field, current, desired, false);
	}

	void add(String field, Object current, Object desired, boolean immutable) {
		this.differences.add(new FieldDifference(field, current, desired, immutable));
	}

	List<FieldDifference> differences() {
		return this.differences;
	}

	private static String emptyAsNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
