package io.github.natsboot.cloud.stream.binder;

import java.util.List;

import org.springframework.cloud.stream.provisioning.ConsumerDestination;

/**
 * Where a consumer binding receives from: the subjects it subscribes to (one per
 * partition it owns when partitioned), and for JetStream the stream and the durable
 * consumer provisioned for it.
 *
 * @param destination the destination name
 * @param subjects the subjects
 * @param stream the stream, or {@code null} for core NATS
 * @param durable the durable consumer, or {@code null} for core NATS
 * @param anonymous whether the binding has no group, so that its consumer is its own and
 * is deleted when the binding is unbound
 */
record NatsConsumerDestination(String destination, List<String> subjects, String stream, String durable,
		boolean anonymous) implements ConsumerDestination {

	@Override
	public String getName() {
		return String.join(",", this.subjects);
	}

	boolean isJetStream() {
		return this.stream != null;
	}

}
