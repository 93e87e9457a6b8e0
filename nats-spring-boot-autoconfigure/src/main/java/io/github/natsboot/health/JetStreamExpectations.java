package io.github.natsboot.health;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.natsboot.jetstream.ConsumerDefinition;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.jetstream.KeyValueDefinition;
import io.github.natsboot.jetstream.ObjectStoreDefinition;
import io.github.natsboot.jetstream.StreamDefinition;
import io.github.natsboot.listener.JetStreamNatsListenerContainer;
import io.github.natsboot.listener.NatsListenerContainer;
import io.github.natsboot.listener.OrderedJetStreamListenerContainer;

/**
 * What the application needs from JetStream: the streams, consumers, key-value buckets
 * and object stores it declared or consumes from, and whether it needs JetStream at all.
 *
 * @param streams the stream names
 * @param consumers the durable consumers
 * @param buckets the key-value bucket names
 * @param objectStores the object store bucket names
 * @param leaderElection whether leader election, which keeps its leases in a bucket,
 * takes place
 */
record JetStreamExpectations(Set<String> streams, Set<StreamConsumer> consumers, Set<String> buckets,
		Set<String> objectStores, boolean leaderElection) {

	/**
	 * Collect the expectations from the definitions and from the JetStream listener
	 * containers that run (the streams of ordered listeners, whose consumers are their
	 * own and change names).
	 * @param definitions the declared definitions
	 * @param containers the listener containers
	 * @param leaderElection whether leader election takes place
	 * @return the expectations
	 */
	static JetStreamExpectations of(Collection<? extends JetStreamDefinition> definitions,
			Collection<? extends NatsListenerContainer> containers, boolean leaderElection) {
		Set<String> streams = new LinkedHashSet<>();
		Set<StreamConsumer> consumers = new LinkedHashSet<>();
		Set<String> buckets = new LinkedHashSet<>();
		Set<String> objectStores = new LinkedHashSet<>();
		for (JetStreamDefinition definition : definitions) {
			if (definition instanceof StreamDefinition stream) {
				streams.add(stream.getName());
				stream.getConsumers().forEach((consumer) -> consumers.add(StreamConsumer.of(consumer)));
			}
			else if (definition instanceof ConsumerDefinition consumer) {
				consumers.add(StreamConsumer.of(consumer));
			}
			else if (definition instanceof KeyValueDefinition bucket) {
				buckets.add(bucket.getBucket());
			}
			else if (definition instanceof ObjectStoreDefinition objectStore) {
				objectStores.add(objectStore.getBucket());
			}
		}
		for (NatsListenerContainer container : containers) {
			if (container instanceof JetStreamNatsListenerContainer jetStream && jetStream.isRunning()) {
				streams.add(jetStream.getStreamName());
				if (jetStream.getConsumerName() != null) {
					consumers.add(new StreamConsumer(jetStream.getStreamName(), jetStream.getConsumerName()));
				}
			}
			else if (container instanceof OrderedJetStreamListenerContainer ordered && ordered.isRunning()) {
				streams.add(ordered.getStreamName());
			}
		}
		return new JetStreamExpectations(streams, consumers, buckets, objectStores, leaderElection);
	}

	/**
	 * Whether the application cannot work without JetStream.
	 * @return {@code true} if something JetStream is expected
	 */
	boolean required() {
		return this.leaderElection || !this.streams.isEmpty() || !this.consumers.isEmpty() || !this.buckets.isEmpty()
				|| !this.objectStores.isEmpty();
	}

	/**
	 * A durable consumer of a stream.
	 *
	 * @param stream the stream name
	 * @param durable the consumer name
	 */
	record StreamConsumer(String stream, String durable) {

		static StreamConsumer of(ConsumerDefinition definition) {
			return new StreamConsumer(definition.getStream(), definition.getDurable());
		}

		@Override
		public String toString() {
			return this.stream + "." + this.durable;
		}

	}

}
