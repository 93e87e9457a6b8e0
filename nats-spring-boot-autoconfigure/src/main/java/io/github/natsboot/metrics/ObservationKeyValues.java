package io.github.natsboot.metrics;

import java.util.Arrays;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The low and high cardinality key values of one observation context, kept as immutable
 * {@link KeyValues} instead of the concurrent maps of {@code Observation.Context}: a
 * convention that returns the same {@code KeyValues} for every message (as the default
 * conventions do) is then added at the start of the observation and again at its stop
 * without copying, and {@link #low()} returns that same instance without building and
 * sorting a new one, which is what lets {@link NatsMeterObservationHandler} find its
 * meters by identity. Adding a key value replaces the one with the same key, as the
 * context's maps do. Safe to use from several threads: each change replaces the whole
 * instance.
 */
final class ObservationKeyValues {

	private volatile KeyValues low = KeyValues.empty();

	private volatile KeyValues high = KeyValues.empty();

	KeyValues low() {
		return this.low;
	}

	KeyValues high() {
		return this.high;
	}

	void addLow(KeyValues added) {
		if (added != this.low) {
			synchronized (this) {
				this.low = merged(this.low, added);
			}
		}
	}

	void addHigh(KeyValues added) {
		if (added != this.high) {
			synchronized (this) {
				this.high = merged(this.high, added);
			}
		}
	}

	synchronized void removeLow(String... keys) {
		this.low = without(this.low, keys);
	}

	synchronized void removeHigh(String... keys) {
		this.high = without(this.high, keys);
	}

	static KeyValue find(KeyValues keyValues, String key) {
		for (KeyValue keyValue : keyValues) {
			if (keyValue.getKey().equals(key)) {
				return keyValue;
			}
		}
		return null;
	}

	private static KeyValues merged(KeyValues current, KeyValues added) {
		if (!added.iterator().hasNext()) {
			return current;
		}
		if (!current.iterator().hasNext()) {
			return added;
		}
		return current.and(added);
	}

	private static KeyValues without(KeyValues current, String... keys) {
		List<String> removed = Arrays.asList(keys);
		return KeyValues.of(current.stream().filter((keyValue) -> !removed.contains(keyValue.getKey())).toList());
	}

}
