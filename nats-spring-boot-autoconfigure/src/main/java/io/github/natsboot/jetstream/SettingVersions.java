package io.github.natsboot.jetstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Reason;
import io.github.natsboot.jetstream.StreamDefinition.Compression;

/**
 * The settings that need a newer nats-server than 2.9, with the version each needs: one
 * table for the check made before anything is created or updated, and for the
 * documentation (a test keeps docs/jetstream.md in line with it). An older server would
 * ignore such a setting silently, so a definition that sets one fails instead, naming
 * the setting and the version it needs. A setting left at what older servers do anyway
 * (compression none, first-sequence 1, a switch off, one filter subject, no metadata)
 * needs no newer server.
 */
final class SettingVersions {

	static final String V2_10 = "2.10.0";

	static final String V2_11 = "2.11.0";

	static final List<Requirement<StreamDefinition>> STREAM = List.of(
			new Requirement<>("compression", V2_10,
					(stream) -> stream.getCompression() != null && stream.getCompression() != Compression.NONE),
			new Requirement<>("subject-transform", V2_10, (stream) -> stream.getSubjectTransform() != null),
			new Requirement<>("first-sequence", V2_10,
					(stream) -> stream.getFirstSequence() != null && stream.getFirstSequence() > 1),
			new Requirement<>("metadata", V2_10, (stream) -> isSet(stream.getMetadata())),
			new Requirement<>("mirror.subject-transforms", V2_10,
					(stream) -> stream.getMirror() != null && !stream.getMirror().subjectTransforms().isEmpty()),
			new Requirement<>("sources.subject-transforms", V2_10, (stream) -> stream.getSources() != null
					&& stream.getSources().stream().anyMatch((source) -> !source.subjectTransforms().isEmpty())),
			new Requirement<>("allow-msg-ttl", V2_11, (stream) -> Boolean.TRUE.equals(stream.getAllowMsgTtl())));

	static final List<Requirement<ConsumerDefinition>> CONSUMER = List.of(
			new Requirement<>("filter-subjects", V2_10,
					(consumer) -> consumer.getFilterSubjects() != null && consumer.getFilterSubjects().size() > 1),
			new Requirement<>("metadata", V2_10, (consumer) -> isSet(consumer.getMetadata())),
			new Requirement<>("pause-until", V2_11, (consumer) -> consumer.getPauseUntil() != null),
			new Requirement<>("priority-groups", V2_11,
					(consumer) -> consumer.getPriorityGroups() != null && !consumer.getPriorityGroups().isEmpty()),
			new Requirement<>("priority-policy", V2_11, (consumer) -> consumer.getPriorityPolicy() != null));

	static final List<Requirement<KeyValueDefinition>> KEY_VALUE = List.of(
			new Requirement<>("compression", V2_10, (keyValue) -> Boolean.TRUE.equals(keyValue.getCompression())),
			new Requirement<>("metadata", V2_10, (keyValue) -> isSet(keyValue.getMetadata())),
			new Requirement<>("sources", V2_10, (keyValue) -> keyValue.getSources() != null
					&& keyValue.getSources().stream().anyMatch((source) -> !source.name().equals(keyValue.getBucket()))));

	static final List<Requirement<ObjectStoreDefinition>> OBJECT_STORE = List.of(new Requirement<>("compression",
			V2_10, (objectStore) -> Boolean.TRUE.equals(objectStore.getCompression())));

	private SettingVersions() {
	}

	/**
	 * Fail when a definition sets something the connected server does not support.
	 * @param definitions the definitions
	 * @param server the connected server
	 * @throws JetStreamProvisioningException naming each such setting and the version it
	 * needs
	 */
	static void check(Definitions definitions, ServerCapabilities server) {
		List<Problem> problems = new ArrayList<>();
		definitions.streams().forEach((stream) -> check(stream, STREAM, server, problems));
		definitions.consumers().forEach((consumer) -> check(consumer, CONSUMER, server, problems));
		definitions.keyValues().forEach((keyValue) -> check(keyValue, KEY_VALUE, server, problems));
		definitions.objectStores().forEach((objectStore) -> check(objectStore, OBJECT_STORE, server, problems));
		if (!problems.isEmpty()) {
			throw new JetStreamProvisioningException(Reason.UNSUPPORTED_SETTING, problems);
		}
	}

	/**
	 * Return every setting of the table by its property path pattern (such as
	 * {@code streams.<name>.compression}) with the version it needs.
	 * @return the minimum versions
	 */
	static Map<String, String> byProperty() {
		Map<String, String> versions = new LinkedHashMap<>();
		STREAM.forEach((requirement) -> versions.put("streams.<name>." + requirement.field(), requirement.version()));
		CONSUMER.forEach((requirement) -> versions.put("streams.<name>.consumers.<durable>." + requirement.field(),
				requirement.version()));
		KEY_VALUE.forEach((requirement) -> versions.put("key-value.<name>." + requirement.field(),
				requirement.version()));
		OBJECT_STORE.forEach((requirement) -> versions.put("object-stores.<name>." + requirement.field(),
				requirement.version()));
		return versions;
	}

	private static <D extends JetStreamDefinition> void check(D definition, List<Requirement<D>> requirements,
			ServerCapabilities server, List<Problem> problems) {
		for (Requirement<D> requirement : requirements) {
			if (requirement.isSet().test(definition) && !server.isAtLeast(requirement.version())) {
				problems.add(new Problem(definition.getPath() + "." + requirement.field(), "needs nats-server "
						+ requirement.version() + " or newer; the connected server is " + server.version()));
			}
		}
	}

	private static boolean isSet(Map<String, String> metadata) {
		return metadata != null && !metadata.isEmpty();
	}

	/**
	 * A setting that needs a newer server.
	 *
	 * @param <D> the kind of definition
	 * @param field the setting's property name
	 * @param version the oldest nats-server that supports it
	 * @param isSet whether a definition sets it
	 */
	record Requirement<D>(String field, String version, Predicate<D> isSet) {

	}

}
