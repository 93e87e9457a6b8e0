package io.github.natsboot.jetstream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Collects the settings of a definition that differ from the server's values, skipping
 * settings the definition does not set. The comparison of each kind of definition
 * ({@link StreamDefinitionComparison}, {@link ConsumerDefinitionComparison},
 * {@link KeyValueDefinitionComparison}) says which settings to compare; this class says
 * how.
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

	/**
	 * Compare a setting that the definition holds as one of its own constants with the
	 * server's jnats value. The server's value is recorded in the definition's terms, or
	 * as jnats names it when the definition has no constant for it.
	 * @param field the setting's property name
	 * @param current the server's jnats value
	 * @param desired the definition's constant, or {@code null} when not set
	 * @param toServer the jnats value of each of the definition's constants
	 * @param immutable whether the server cannot change the setting on what exists
	 */
	<E extends Enum<E>, V> void compareConstant(String field, V current, E desired, Function<E, V> toServer,
			boolean immutable) {
		if (desired != null) {
			E constant = constantFor(desired.getDeclaringClass(), toServer, current);
			compare(field, (constant != null) ? constant : current, desired, immutable);
		}
	}

	/**
	 * Compare subjects, in any order; a server without any counts as an empty list.
	 * @param field the setting's property name
	 * @param current the server's subjects, or {@code null}
	 * @param desired the definition's subjects, or {@code null} when not set
	 */
	void compareSubjects(String field, List<String> current, List<String> desired) {
		List<String> subjects = (current != null) ? current : List.of();
		if (desired != null && !new HashSet<>(desired).equals(new HashSet<>(subjects))) {
			add(field, subjects, desired);
		}
	}

	/**
	 * Compare a switch that the server lets turn on but never off again.
	 * @param field the setting's property name
	 * @param current the server's value
	 * @param desired the definition's value, or {@code null} when not set
	 */
	void compareOneWaySwitch(String field, boolean current, Boolean desired) {
		compare(field, current, desired, current && Boolean.FALSE.equals(desired));
	}

	/**
	 * Compare metadata, leaving out the server's own entries (keys starting with
	 * {@code _nats.}); a server without any counts as empty.
	 * @param current the server's metadata, or {@code null}
	 * @param desired the definition's metadata, or {@code null} when not set
	 */
	void compareMetadata(Map<String, String> current, Map<String, String> desired) {
		if (desired != null) {
			compare("metadata", userMetadata(current), new TreeMap<>(desired));
		}
	}

	/**
	 * Compare mirrors or sources, in any order; a server without any counts as none.
	 * @param field the setting's property name
	 * @param current the server's sources
	 * @param desired the definition's sources, or {@code null} when not set
	 */
	void compareSources(String field, List<StreamSource> current, List<StreamSource> desired) {
		if (desired != null && !new HashSet<>(desired).equals(new HashSet<>(current))) {
			add(field, current, desired);
		}
	}

	static Map<String, String> userMetadata(Map<String, String> metadata) {
		Map<String, String> user = new TreeMap<>();
		if (metadata != null) {
			metadata.forEach((key, value) -> {
				if (!key.startsWith("_nats.")) {
					user.put(key, value);
				}
			});
		}
		return user;
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

	/**
	 * Return the definition's constant for a jnats value.
	 * @param type the definition's enum
	 * @param toServer the jnats value of each of its constants
	 * @param value the jnats value
	 * @return the constant, or {@code null} when none stands for the value
	 */
	static <E extends Enum<E>, V> E constantFor(Class<E> type, Function<E, V> toServer, V value) {
		for (E constant : type.getEnumConstants()) {
			if (Objects.equals(toServer.apply(constant), value)) {
				return constant;
			}
		}
		return null;
	}

	private static String emptyAsNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
