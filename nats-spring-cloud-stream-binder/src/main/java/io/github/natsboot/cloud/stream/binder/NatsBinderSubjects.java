package io.github.natsboot.cloud.stream.binder;

import java.util.List;

import org.springframework.cloud.stream.binder.ConsumerProperties;

/**
 * How bindings map to NATS subjects: a destination is a subject, and partition
 * {@code n} of it is the subject with one more token, {@code <destination>.<n>}.
 */
final class NatsBinderSubjects {

	private NatsBinderSubjects() {
	}

	static String partition(String destination, int partition) {
		return destination + "." + partition;
	}

	/**
	 * The subjects of a consumer binding: its destination, or when partitioned the
	 * subject of each partition it owns (its instance index, or its instance index list).
	 * @param destination the destination
	 * @param properties the consumer properties
	 * @return the subjects
	 */
	static List<String> consumerSubjects(String destination, ConsumerProperties properties) {
		if (!properties.isPartitioned()) {
			return List.of(destination);
		}
		List<Integer> indexes = (properties.getInstanceIndexList() != null
				&& !properties.getInstanceIndexList().isEmpty()) ? properties.getInstanceIndexList()
						: List.of(properties.getInstanceIndex());
		return indexes.stream().map((index) -> partition(destination, index)).toList();
	}

	/**
	 * The subjects a stream created for a destination captures: the destination and every
	 * subject below it, so that partitions land in the same stream.
	 * @param destination the destination
	 * @return the subjects
	 */
	static List<String> streamSubjects(String destination) {
		return destination.endsWith(">") ? List.of(destination) : List.of(destination, destination + ".>");
	}

	/**
	 * A durable consumer name for a group: the characters JetStream refuses in a name
	 * replaced by '-'.
	 * @param group the group
	 * @return the durable name
	 */
	static String durableName(String group) {
		return group.replaceAll("[^A-Za-z0-9_-]", "-");
	}

}
