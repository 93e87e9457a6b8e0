package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.natsboot.core.NatsSubjects;
import io.github.natsboot.jetstream.ConsumerDefinition.DeliverPolicy;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;

/**
 * Checks definitions before anything is sent to the server: values in range, names the
 * server accepts, no two streams capturing the same subject, consumer filters within
 * their stream's subjects, and the server's rules for max-deliver, backoff and start
 * positions.
 */
final class DefinitionValidator {

	private static final int MAX_REPLICAS = 5;

	private static final int MAX_HISTORY = 64;

	private final List<Problem> problems = new ArrayList<>();

	private DefinitionValidator() {
	}

	/**
	 * Check definitions on their own and against each other.
	 * @param definitions the definitions
	 * @return the problems found, empty when every definition is valid
	 */
	static List<Problem> validate(Collection<? extends JetStreamDefinition> definitions) {
		DefinitionValidator validator = new DefinitionValidator();
		validator.check(Definitions.of(definitions));
		return validator.problems;
	}

	private void check(Definitions definitions) {
		definitions.duplicates().forEach((path) -> problem(path, "is defined more than once"));
		Map<String, StreamDefinition> streams = new LinkedHashMap<>();
		for (StreamDefinition stream : definitions.streams()) {
			streams.putIfAbsent(stream.getName(), stream);
			checkStream(stream);
		}
		checkOverlaps(new ArrayList<>(streams.values()));
		for (ConsumerDefinition consumer : definitions.consumers()) {
			checkConsumer(consumer, streams.get(consumer.getStream()));
		}
		definitions.keyValues().forEach(this::checkKeyValue);
		definitions.objectStores().forEach(this::checkObjectStore);
	}

	private void checkStream(StreamDefinition stream) {
		String path = stream.getPath();
		checkName(path, stream.getName(), "stream");
		if (stream.getSubjects() != null) {
			if (stream.getSubjects().isEmpty()) {
				problem(path + ".subjects", "must not be empty; leave it unset to capture the stream name");
			}
			stream.getSubjects().forEach((subject) -> checkSubject(path + ".subjects", subject));
		}
		checkNotNegative(path + ".max-age", stream.getMaxAge());
		checkNotNegative(path + ".duplicate-window", stream.getDuplicateWindow());
		if (isPositive(stream.getMaxAge()) && stream.getDuplicateWindow() != null
				&& stream.getDuplicateWindow().compareTo(stream.getMaxAge()) > 0) {
			problem(path + ".duplicate-window", "must not be longer than max-age ("
					+ DisplayValues.format(stream.getMaxAge()) + "), was " + DisplayValues.format(stream.getDuplicateWindow()));
		}
		checkLimit(path + ".max-bytes", stream.getMaxBytes());
		checkLimit(path + ".max-msgs", stream.getMaxMsgs());
		checkLimit(path + ".max-msg-size", stream.getMaxMsgSize());
		if (stream.getMaxMsgSize() != null && stream.getMaxMsgSize() > Integer.MAX_VALUE) {
			problem(path + ".max-msg-size", "must not be larger than " + Integer.MAX_VALUE + " bytes, was "
					+ stream.getMaxMsgSize());
		}
		checkReplicas(path + ".replicas", stream.getReplicas());
	}

	private void checkOverlaps(List<StreamDefinition> streams) {
		for (int i = 0; i < streams.size(); i++) {
			for (int j = i + 1; j < streams.size(); j++) {
				checkOverlap(streams.get(i), streams.get(j));
			}
		}
	}

	private void checkOverlap(StreamDefinition first, StreamDefinition second) {
		for (String a : subjectsOf(first)) {
			for (String b : subjectsOf(second)) {
				if (isValidSubject(a) && isValidSubject(b) && SubjectPatterns.overlap(a, b)) {
					problem(second.getPath() + ".subjects", "subject '" + b + "' overlaps subject '" + a + "' of "
							+ first.describe() + "; a message may be stored in only one stream");
				}
			}
		}
	}

	private void checkConsumer(ConsumerDefinition consumer, StreamDefinition stream) {
		String path = consumer.getPath();
		checkName(path, consumer.getDurable(), "durable consumer");
		if (consumer.getFilterSubjects() != null) {
			Set<String> seen = new HashSet<>();
			for (String filter : consumer.getFilterSubjects()) {
				if (!checkSubject(path + ".filter-subjects", filter)) {
					continue;
				}
				if (!seen.add(filter)) {
					problem(path + ".filter-subjects", "lists '" + filter + "' more than once");
				}
				else if (stream != null && !SubjectPatterns.isValidFilter(filter, subjectsOf(stream))) {
					problem(path + ".filter-subjects", "'" + filter + "' is outside the subjects of " + stream.describe()
							+ " " + subjectsOf(stream));
				}
			}
		}
		checkStart(consumer, path);
		Integer maxDeliver = consumer.getMaxDeliver();
		if (maxDeliver != null && (maxDeliver == 0 || maxDeliver < -1)) {
			problem(path + ".max-deliver", "must be at least 1, or -1 for unlimited, was " + maxDeliver);
		}
		if (consumer.getAckWait() != null && !isPositive(consumer.getAckWait())) {
			problem(path + ".ack-wait", "must be positive, was " + DisplayValues.format(consumer.getAckWait()));
		}
		checkBackoff(consumer, path);
		if (consumer.getMaxAckPending() != null && consumer.getMaxAckPending() < 1) {
			problem(path + ".max-ack-pending", "must be at least 1, was " + consumer.getMaxAckPending());
		}
	}

	private void checkStart(ConsumerDefinition consumer, String path) {
		DeliverPolicy policy = consumer.getDeliverPolicy();
		if (policy == DeliverPolicy.BY_START_SEQUENCE && consumer.getOptStartSeq() == null) {
			problem(path + ".opt-start-seq", "is required with deliver-policy by-start-sequence");
		}
		if (consumer.getOptStartSeq() != null) {
			if (policy != DeliverPolicy.BY_START_SEQUENCE) {
				problem(path + ".opt-start-seq", "is only allowed with deliver-policy by-start-sequence, not "
						+ DisplayValues.format((policy != null) ? policy : DeliverPolicy.ALL));
			}
			else if (consumer.getOptStartSeq() < 1) {
				problem(path + ".opt-start-seq", "must be at least 1, was " + consumer.getOptStartSeq());
			}
		}
		if (policy == DeliverPolicy.BY_START_TIME && consumer.getOptStartTime() == null) {
			problem(path + ".opt-start-time", "is required with deliver-policy by-start-time");
		}
		if (consumer.getOptStartTime() != null && policy != DeliverPolicy.BY_START_TIME) {
			problem(path + ".opt-start-time", "is only allowed with deliver-policy by-start-time, not "
					+ DisplayValues.format((policy != null) ? policy : DeliverPolicy.ALL));
		}
	}

	private void checkBackoff(ConsumerDefinition consumer, String path) {
		List<Duration> backoff = consumer.getBackoff();
		if (backoff == null || backoff.isEmpty()) {
			return;
		}
		for (Duration delay : backoff) {
			if (delay == null || !isPositive(delay)) {
				problem(path + ".backoff", "entries must be positive, was " + DisplayValues.format(backoff));
				return;
			}
		}
		Integer maxDeliver = consumer.getMaxDeliver();
		if (maxDeliver != null && maxDeliver > 0 && backoff.size() >= maxDeliver) {
			problem(path + ".backoff", "has " + backoff.size() + " entries but max-deliver " + maxDeliver
					+ " allows at most " + (maxDeliver - 1) + " redeliveries: the server requires max-deliver to be"
					+ " greater than the number of backoff entries");
		}
		if (consumer.getAckWait() != null && !consumer.getAckWait().equals(backoff.get(0))) {
			problem(path + ".ack-wait", "is replaced by the first backoff entry ("
					+ DisplayValues.format(backoff.get(0)) + ") when backoff is set; remove ack-wait or make it equal");
		}
	}

	private void checkKeyValue(KeyValueDefinition keyValue) {
		String path = keyValue.getPath();
		if (!keyValue.getBucket().matches("[A-Za-z0-9_-]+")) {
			problem(path, "'" + keyValue.getBucket()
					+ "' is not a valid bucket name: only letters, digits, '-' and '_' are allowed");
		}
		checkNotNegative(path + ".ttl", keyValue.getTtl());
		if (keyValue.getHistory() != null && (keyValue.getHistory() < 1 || keyValue.getHistory() > MAX_HISTORY)) {
			problem(path + ".history", "must be between 1 and " + MAX_HISTORY + ", was " + keyValue.getHistory());
		}
		checkLimit(path + ".max-bytes", keyValue.getMaxBytes());
		checkReplicas(path + ".replicas", keyValue.getReplicas());
	}

	private void checkObjectStore(ObjectStoreDefinition objectStore) {
		String path = objectStore.getPath();
		if (!objectStore.getBucket().matches("[A-Za-z0-9_-]+")) {
			problem(path, "'" + objectStore.getBucket()
					+ "' is not a valid object store name: only letters, digits, '-' and '_' are allowed");
		}
		checkNotNegative(path + ".ttl", objectStore.getTtl());
		checkLimit(path + ".max-bytes", objectStore.getMaxBytes());
		checkReplicas(path + ".replicas", objectStore.getReplicas());
	}

	private void checkName(String path, String name, String kind) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '.' || c == '*' || c == '>'
					|| c == '/' || c == '\\') {
				problem(path, "'" + name + "' is not a valid " + kind
						+ " name: it must not contain whitespace, '.', '*', '>', '/' or '\\'");
				return;
			}
		}
	}

	private boolean checkSubject(String path, String subject) {
		if (!isValidSubject(subject)) {
			try {
				NatsSubjects.requireSubscribeSubject(subject);
			}
			catch (IllegalArgumentException ex) {
				problem(path, ex.getMessage());
			}
			return false;
		}
		return true;
	}

	private void checkNotNegative(String property, Duration value) {
		if (value != null && value.isNegative()) {
			problem(property, "must not be negative, was " + DisplayValues.format(value));
		}
	}

	private void checkLimit(String property, Long value) {
		if (value != null && (value == 0 || value < -1)) {
			problem(property, "must be greater than 0, or -1 for unlimited, was " + value);
		}
	}

	private void checkReplicas(String property, Integer replicas) {
		if (replicas != null && (replicas < 1 || replicas > MAX_REPLICAS)) {
			problem(property, "must be between 1 and " + MAX_REPLICAS + ", was " + replicas);
		}
	}

	private void problem(String property, String reason) {
		this.problems.add(new Problem(property, reason));
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
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

	static List<String> subjectsOf(StreamDefinition stream) {
		return (stream.getSubjects() != null && !stream.getSubjects().isEmpty()) ? stream.getSubjects()
				: List.of(stream.getName());
	}

}
