package io.github.natsboot.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.common.KeyValues;

/**
 * Key values a convention works out once for each pair of values they depend on (a
 * listener id and its subjects, a template and an operation) and then returns for every
 * message, instead of building and sorting them per message. Bounded, so that a caller
 * passing ever new values cannot make it grow without end: past the bound, key values
 * are built each time.
 *
 * @param <Q> the type of the second value the key values depend on
 */
final class KeptKeyValues<Q> {

	private static final int MAX_KEPT = 1024;

	private final Map<String, Map<Q, KeyValues>> kept = new ConcurrentHashMap<>();

	/**
	 * The key values returned last, with the values they were asked for by: listeners
	 * and templates pass the same instances for every message, so a run of messages of
	 * one listener or template operation is answered by comparing references.
	 */
	private volatile Last<Q> last;

	/**
	 * Return the key values of a pair of values, built by the supplier the first time.
	 * @param name the first value (a listener id, a template name)
	 * @param qualifier the second value
	 * @param keyValues builds the key values of the pair
	 * @return the key values
	 */
	KeyValues get(String name, Q qualifier, Supplier<KeyValues> keyValues) {
		if (name == null || qualifier == null) {
			return keyValues.get();
		}
		Last<Q> last = this.last;
		if (last != null && last.name() == name && last.qualifier() == qualifier) {
			return last.keyValues();
		}
		KeyValues found = find(name, qualifier, keyValues);
		this.last = new Last<>(name, qualifier, found);
		return found;
	}

	private KeyValues find(String name, Q qualifier, Supplier<KeyValues> keyValues) {
		Map<Q, KeyValues> byQualifier = this.kept.get(name);
		KeyValues found = (byQualifier != null) ? byQualifier.get(qualifier) : null;
		if (found != null) {
			return found;
		}
		KeyValues built = keyValues.get();
		if (this.kept.size() < MAX_KEPT) {
			Map<Q, KeyValues> qualified = this.kept.computeIfAbsent(name, (key) -> new ConcurrentHashMap<>());
			if (qualified.size() < MAX_KEPT) {
				qualified.putIfAbsent(qualifier, built);
			}
		}
		return built;
	}

	private record Last<Q>(String name, Q qualifier, KeyValues keyValues) {
	}

}
