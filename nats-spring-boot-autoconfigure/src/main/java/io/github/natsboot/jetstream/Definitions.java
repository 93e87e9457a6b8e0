package io.github.natsboot.jetstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Definitions sorted into the order they are provisioned in: streams, then consumers
 * (those declared with their stream and those declared on their own), then key-value
 * buckets, then object stores.
 *
 * @param streams the streams
 * @param consumers every consumer
 * @param keyValues the buckets
 * @param objectStores the object stores
 * @param duplicates the paths of what is defined more than once
 */
record Definitions(List<StreamDefinition> streams, List<ConsumerDefinition> consumers,
		List<KeyValueDefinition> keyValues, List<ObjectStoreDefinition> objectStores, Set<String> duplicates) {

	static Definitions of(Collection<? extends JetStreamDefinition> definitions) {
		List<StreamDefinition> streams = new ArrayList<>();
		List<ConsumerDefinition> consumers = new ArrayList<>();
		List<ConsumerDefinition> standaloneConsumers = new ArrayList<>();
		List<KeyValueDefinition> keyValues = new ArrayList<>();
		List<ObjectStoreDefinition> objectStores = new ArrayList<>();
		for (JetStreamDefinition definition : definitions) {
			if (definition instanceof StreamDefinition stream) {
				streams.add(stream);
				consumers.addAll(stream.getConsumers());
			}
			else if (definition instanceof ConsumerDefinition consumer) {
				standaloneConsumers.add(consumer);
			}
			else if (definition instanceof KeyValueDefinition keyValue) {
				keyValues.add(keyValue);
			}
			else if (definition instanceof ObjectStoreDefinition objectStore) {
				objectStores.add(objectStore);
			}
		}
		consumers.addAll(standaloneConsumers);
		Set<String> paths = new HashSet<>();
		Set<String> duplicates = new LinkedHashSet<>();
		streams.forEach((stream) -> addPath(stream, paths, duplicates));
		consumers.forEach((consumer) -> addPath(consumer, paths, duplicates));
		keyValues.forEach((keyValue) -> addPath(keyValue, paths, duplicates));
		objectStores.forEach((objectStore) -> addPath(objectStore, paths, duplicates));
		return new Definitions(streams, consumers, keyValues, objectStores, duplicates);
	}

	private static void addPath(JetStreamDefinition definition, Set<String> paths, Set<String> duplicates) {
		if (!paths.add(definition.getPath())) {
			duplicates.add(definition.getPath());
		}
	}

	StreamDefinition stream(String name) {
		return this.streams.stream().filter((stream) -> stream.getName().equals(name)).findFirst().orElse(null);
	}

}
