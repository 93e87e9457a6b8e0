package io.github.natsboot.autoconfigure.jetstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.natsboot.jetstream.ConsumerDefinition;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.jetstream.KeyValueDefinition;
import io.github.natsboot.jetstream.ObjectStoreDefinition;
import io.github.natsboot.jetstream.StreamDefinition;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link NatsJetStreamProperties} into the same definitions applications declare
 * as beans, so that both take one path to the server. Empty lists count as not set. A
 * stream entry that sets nothing but consumers declares consumers of a stream defined
 * elsewhere (by a bean, or outside the application), not a stream.
 */
final class PropertiesJetStreamDefinitions {

	private PropertiesJetStreamDefinitions() {
	}

	static List<JetStreamDefinition> of(NatsJetStreamProperties properties) {
		List<JetStreamDefinition> definitions = new ArrayList<>();
		properties.getStreams().forEach((name, stream) -> {
			if (hasStreamSettings(stream)) {
				definitions.add(stream(name, stream));
			}
			else {
				stream.getConsumers()
					.forEach((durable, consumer) -> definitions.add(consumer(name, durable, consumer)));
			}
		});
		properties.getKeyValue().forEach((bucket, keyValue) -> definitions.add(keyValue(bucket, keyValue)));
		properties.getObjectStores()
			.forEach((bucket, objectStore) -> definitions.add(objectStore(bucket, objectStore)));
		return definitions;
	}

	private static boolean hasStreamSettings(NatsJetStreamProperties.Stream stream) {
		return !stream.getSubjects().isEmpty() || stream.getStorage() != null || stream.getRetention() != null
				|| stream.getMaxAge() != null || stream.getMaxBytes() != null || stream.getMaxMsgs() != null
				|| stream.getMaxMsgSize() != null || stream.getReplicas() != null || stream.getDiscard() != null
				|| stream.getDuplicateWindow() != null || stream.getDescription() != null
				|| stream.getConsumers().isEmpty();
	}

	private static StreamDefinition stream(String name, NatsJetStreamProperties.Stream properties) {
		PropertyMapper map = PropertyMapper.get();
		StreamDefinition.Builder builder = StreamDefinition.builder(name);
		map.from(properties::getSubjects).when((subjects) -> !subjects.isEmpty()).to(builder::subjects);
		map.from(properties::getStorage).to(builder::storage);
		map.from(properties::getRetention).to(builder::retention);
		map.from(properties::getMaxAge).to(builder::maxAge);
		map.from(properties::getMaxBytes).as(DataSize::toBytes).to(builder::maxBytes);
		map.from(properties::getMaxMsgs).to(builder::maxMsgs);
		map.from(properties::getMaxMsgSize).as(DataSize::toBytes).to(builder::maxMsgSize);
		map.from(properties::getReplicas).to(builder::replicas);
		map.from(properties::getDiscard).to(builder::discard);
		map.from(properties::getDuplicateWindow).to(builder::duplicateWindow);
		map.from(properties::getDescription).to(builder::description);
		for (Map.Entry<String, NatsJetStreamProperties.Consumer> consumer : properties.getConsumers().entrySet()) {
			builder.consumer(consumer(name, consumer.getKey(), consumer.getValue()));
		}
		return builder.build();
	}

	private static ConsumerDefinition consumer(String stream, String durable,
			NatsJetStreamProperties.Consumer properties) {
		PropertyMapper map = PropertyMapper.get();
		ConsumerDefinition.Builder builder = ConsumerDefinition.builder(stream, durable);
		map.from(properties::getFilterSubjects).when((filters) -> !filters.isEmpty()).to(builder::filterSubjects);
		map.from(properties::getAckPolicy).to(builder::ackPolicy);
		map.from(properties::getDeliverPolicy).to(builder::deliverPolicy);
		map.from(properties::getOptStartSeq).to(builder::optStartSeq);
		map.from(properties::getOptStartTime).to(builder::optStartTime);
		map.from(properties::getReplayPolicy).to(builder::replayPolicy);
		map.from(properties::getMaxDeliver).to(builder::maxDeliver);
		map.from(properties::getAckWait).to(builder::ackWait);
		map.from(properties::getBackoff).when((backoff) -> !backoff.isEmpty()).to(builder::backoff);
		map.from(properties::getMaxAckPending).to(builder::maxAckPending);
		map.from(properties::getDescription).to(builder::description);
		return builder.build();
	}

	private static KeyValueDefinition keyValue(String bucket, NatsJetStreamProperties.KeyValue properties) {
		PropertyMapper map = PropertyMapper.get();
		KeyValueDefinition.Builder builder = KeyValueDefinition.builder(bucket);
		map.from(properties::getTtl).to(builder::ttl);
		map.from(properties::getHistory).to(builder::history);
		map.from(properties::getStorage).to(builder::storage);
		map.from(properties::getReplicas).to(builder::replicas);
		map.from(properties::getMaxBytes).as(DataSize::toBytes).to(builder::maxBytes);
		map.from(properties::getDescription).to(builder::description);
		return builder.build();
	}

	private static ObjectStoreDefinition objectStore(String bucket, NatsJetStreamProperties.ObjectStore properties) {
		PropertyMapper map = PropertyMapper.get();
		ObjectStoreDefinition.Builder builder = ObjectStoreDefinition.builder(bucket);
		map.from(properties::getTtl).to(builder::ttl);
		map.from(properties::getStorage).to(builder::storage);
		map.from(properties::getReplicas).to(builder::replicas);
		map.from(properties::getMaxBytes).as(DataSize::toBytes).to(builder::maxBytes);
		map.from(properties::getDescription).to(builder::description);
		map.from(properties::getCompression).to(builder::compression);
		return builder.build();
	}

}
