package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import io.github.natsboot.core.NatsSubjects;
import io.github.natsboot.jetstream.StreamDefinition.Discard;

/**
 * The part of {@link DefinitionValidator} about mirrors and sources, a stream's switches
 * (sealed, deny-delete, deny-purge, allow-rollup) and the settings of pull and push
 * consumers: the rules the server applies, checked before anything is sent to it.
 */
final class SettingChecks {

	private static final Pattern SAMPLE_FREQUENCY = Pattern.compile("(100|[1-9]?[0-9])%?");

	private final BiConsumer<String, String> problems;

	/**
	 * Create checks that report each problem by property path and reason.
	 * @param problems receives the problems
	 */
	SettingChecks(BiConsumer<String, String> problems) {
		this.problems = problems;
	}

	void checkStream(StreamDefinition stream) {
		String path = stream.getPath();
		checkLimit(path + ".max-msgs-per-subject", stream.getMaxMsgsPerSubject());
		checkLimit(path + ".max-consumers", (stream.getMaxConsumers() != null) ? (long) stream.getMaxConsumers() : null);
		if (stream.getFirstSequence() != null && stream.getFirstSequence() < 1) {
			problem(path + ".first-sequence", "must be at least 1, was " + stream.getFirstSequence());
		}
		if (stream.getMirror() != null) {
			if (stream.getSubjects() != null && !stream.getSubjects().isEmpty()) {
				problem(path + ".mirror", "a mirror has no subjects of its own: remove subjects");
			}
			if (stream.getSources() != null && !stream.getSources().isEmpty()) {
				problem(path + ".mirror", "a mirror takes no sources: remove sources");
			}
			checkSource(path + ".mirror", stream.getMirror(), stream.getName(), true);
		}
		if (stream.getSources() != null) {
			Set<StreamSource> seen = new HashSet<>();
			for (StreamSource source : stream.getSources()) {
				checkSource(path + ".sources", source, stream.getName(), true);
				if (!seen.add(source)) {
					problem(path + ".sources", "lists stream '" + source.name() + "' more than once");
				}
			}
		}
		if (stream.getSubjectTransform() != null) {
			checkTransform(path + ".subject-transform", stream.getSubjectTransform());
		}
		if (Boolean.TRUE.equals(stream.getDenyPurge()) && Boolean.TRUE.equals(stream.getAllowRollup())) {
			problem(path + ".allow-rollup", "roll-ups purge messages, so they cannot be allowed with deny-purge");
		}
		if (Boolean.TRUE.equals(stream.getSealed())) {
			checkSealed(stream, path);
		}
	}

	/**
	 * The server turns a sealed stream's max-age off, discards new messages, denies
	 * deletes and purges and disallows roll-ups.
	 */
	private void checkSealed(StreamDefinition stream, String path) {
		if (stream.getMaxAge() != null && !stream.getMaxAge().isZero()) {
			problem(path + ".max-age", "must be 0 or unset on a sealed stream, whose messages never age out");
		}
		if (stream.getDiscard() == Discard.OLD) {
			problem(path + ".discard", "must be new or unset on a sealed stream");
		}
		if (Boolean.FALSE.equals(stream.getDenyDelete()) || Boolean.FALSE.equals(stream.getDenyPurge())) {
			problem(path + ".sealed", "denies deletes and purges: deny-delete and deny-purge must be true or unset");
		}
		if (Boolean.TRUE.equals(stream.getAllowRollup())) {
			problem(path + ".allow-rollup", "must be false or unset on a sealed stream");
		}
	}

	void checkConsumer(ConsumerDefinition consumer) {
		String path = consumer.getPath();
		checkPositive(path + ".inactive-threshold", consumer.getInactiveThreshold());
		checkPositive(path + ".max-expires", consumer.getMaxExpires());
		checkAtLeastOne(path + ".max-waiting", consumer.getMaxWaiting());
		checkAtLeastOne(path + ".max-batch", consumer.getMaxBatch());
		if (consumer.getRateLimit() != null && consumer.getRateLimit() < 1) {
			problem(path + ".rate-limit", "must be at least 1 bit per second, was " + consumer.getRateLimit());
		}
		if (consumer.getReplicas() != null && (consumer.getReplicas() < 1 || consumer.getReplicas() > 5)) {
			problem(path + ".replicas", "must be between 1 and 5, was " + consumer.getReplicas());
		}
		if (consumer.getSampleFrequency() != null
				&& !SAMPLE_FREQUENCY.matcher(consumer.getSampleFrequency()).matches()) {
			problem(path + ".sample-frequency",
					"must be a percentage from 0 to 100, such as 10%, was '" + consumer.getSampleFrequency() + "'");
		}
		if (consumer.getDeliverSubject() != null) {
			checkPush(consumer, path);
		}
		else {
			if (consumer.getRateLimit() != null) {
				problem(path + ".rate-limit", "applies to push consumers only: set deliver-subject, or remove it");
			}
			if (consumer.getDeliverGroup() != null) {
				problem(path + ".deliver-group", "applies to push consumers only: set deliver-subject, or remove it");
			}
		}
		boolean groups = consumer.getPriorityGroups() != null && !consumer.getPriorityGroups().isEmpty();
		if (groups != (consumer.getPriorityPolicy() != null)) {
			problem(path + (groups ? ".priority-policy" : ".priority-groups"),
					"priority-groups and priority-policy must be set together");
		}
	}

	private void checkPush(ConsumerDefinition consumer, String path) {
		String subject = consumer.getDeliverSubject();
		if (!isValidSubject(subject) || subject.contains("*") || subject.contains(">")) {
			problem(path + ".deliver-subject", "'" + subject + "' is not a subject without wildcards");
		}
		for (String pullOnly : List.of("max-waiting", "max-batch", "max-expires")) {
			Object value = switch (pullOnly) {
				case "max-waiting" -> consumer.getMaxWaiting();
				case "max-batch" -> consumer.getMaxBatch();
				default -> consumer.getMaxExpires();
			};
			if (value != null) {
				problem(path + "." + pullOnly, "applies to pull consumers only, but deliver-subject makes this a push"
						+ " consumer");
			}
		}
	}

	void checkKeyValue(KeyValueDefinition keyValue) {
		String path = keyValue.getPath();
		checkLimit(path + ".max-value-size", keyValue.getMaxValueSize());
		if (keyValue.getMirror() != null) {
			if (keyValue.getSources() != null && !keyValue.getSources().isEmpty()) {
				problem(path + ".mirror", "a mirror takes no sources: remove sources");
			}
			checkSource(path + ".mirror", keyValue.getMirror(), keyValue.getBucket(), false);
		}
		if (keyValue.getSources() != null) {
			keyValue.getSources().forEach((source) -> checkSource(path + ".sources", source, keyValue.getBucket(), false));
		}
	}

	private void checkSource(String property, StreamSource source, String own, boolean stream) {
		if (source.name() == null || source.name().isBlank()) {
			problem(property, "needs the name of the " + (stream ? "stream" : "bucket") + " to take messages from");
			return;
		}
		if (source.name().equals(own) && source.apiPrefix() == null) {
			problem(property, "'" + source.name() + "' is this " + (stream ? "stream" : "bucket") + " itself");
		}
		if (!stream && (source.filterSubject() != null || !source.subjectTransforms().isEmpty())) {
			problem(property, "a bucket takes every key of '" + source.name()
					+ "': filter-subject and subject-transforms are for streams");
			return;
		}
		if (source.filterSubject() != null) {
			checkSubject(property, source.filterSubject());
			if (!source.subjectTransforms().isEmpty()) {
				problem(property, "'" + source.name() + "' has a filter-subject and subject-transforms: the transforms"
						+ " filter too, so use one of them");
			}
		}
		for (SubjectTransform transform : source.subjectTransforms()) {
			checkTransform(property, transform);
		}
		if (source.startSeq() != null && source.startSeq() < 1) {
			problem(property, "start-seq of '" + source.name() + "' must be at least 1, was " + source.startSeq());
		}
	}

	private void checkTransform(String property, SubjectTransform transform) {
		if (transform.source() != null && !transform.source().isEmpty()) {
			checkSubject(property, transform.source());
		}
		if (transform.destination() == null || transform.destination().isBlank()) {
			problem(property, "a subject transform needs a destination");
		}
	}

	private void checkSubject(String property, String subject) {
		try {
			NatsSubjects.requireSubscribeSubject(subject);
		}
		catch (IllegalArgumentException ex) {
			problem(property, ex.getMessage());
		}
	}

	private void checkLimit(String property, Long value) {
		if (value != null && (value == 0 || value < -1)) {
			problem(property, "must be greater than 0, or -1 for unlimited, was " + value);
		}
	}

	private void checkAtLeastOne(String property, Integer value) {
		if (value != null && value < 1) {
			problem(property, "must be at least 1, was " + value);
		}
	}

	private void checkPositive(String property, Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			problem(property, "must be positive, was " + DisplayValues.format(value));
		}
	}

	private void problem(String property, String reason) {
		this.problems.accept(property, reason);
	}

	private static boolean isValidSubject(String subject) {
		try {
			NatsSubjects.requireSubscribeSubject(subject);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Return whether a stream takes messages from other streams, so that consumer filters
	 * may name their subjects rather than its own.
	 */
	static boolean takesFromOthers(StreamDefinition stream) {
		return stream.getMirror() != null || (stream.getSources() != null && !stream.getSources().isEmpty());
	}

}
