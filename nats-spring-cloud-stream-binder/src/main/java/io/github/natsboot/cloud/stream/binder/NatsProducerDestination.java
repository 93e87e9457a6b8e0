package io.github.natsboot.cloud.stream.binder;

import org.springframework.cloud.stream.provisioning.ProducerDestination;

/**
 * Where a producer binding publishes: its destination subject, and for a partitioned
 * producer one subject per partition below it ({@code orders.0}, {@code orders.1}).
 *
 * @param subject the destination subject
 * @param stream the JetStream stream that captures it, or {@code null} for core NATS
 */
record NatsProducerDestination(String subject, String stream) implements ProducerDestination {

	@Override
	public String getName() {
		return this.subject;
	}

	@Override
	public String getNameForPartition(int partition) {
		return NatsBinderSubjects.partition(this.subject, partition);
	}

}
