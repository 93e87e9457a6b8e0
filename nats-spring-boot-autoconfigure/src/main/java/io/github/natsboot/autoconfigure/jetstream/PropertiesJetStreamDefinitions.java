package io.github.natsboot.autoconfigure.jetstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.natsboot.jetstream.ConsumerDefinition;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.jetstream.KeyValueDefinition;
import io.github.natsboot.jetstream.ObjectStoreDefinition;
import io.github.natsboot.jetstream.StreamDefinition;
import io.github.natsboot.jetstream.StreamSource;
import io.github.natsboot.jetstream.SubjectTransform;

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
				|| stream.getMaxMsgsPerSubject() != null || stream.getMaxConsumers() != null || stream.getNoAck() != null
				|| stream.getDenyDelete() != null || stream.getDenyPurge() != null || stream.getAllowRollup() != null
				|| stream.getAllowDirect() != null || stream.getSealed() != null || stream.getAllowMsgTtl() != null
				|| stream.getMirror() != null || !stream.getSources().isEmpty() || stream.getSubjectTransform() != null
				|| stream.getCompression() != null || stream.getFirstSequence() != null
				|| !stream.getMetadata().isEmpty() || stream.getConsumers().isEmpty();
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
		map.from(properties::getMaxMsgsPerSubject).to(builder::maxMsgsPerSubject);
		map.from(properties::getMaxConsumers).to(builder::maxConsumers);
		map.from(properties::getNoAck).to(builder::noAck);
		map.from(properties::getDenyDelete).to(builder::denyDelete);
		map.from(properties::getDenyPurge).to(builder::denyPurge);
		map.from(properties::getAllowRollup).to(builder::allowRollup);
		map.from(properties::getAllowDirect).to(builder::allowDirect);
		map.from(properties::getSealed).to(builder::sealed);
		map.from(properties::getAllowMsgTtl).to(builder::allowMsgTtl);
		map.from(properties::getMirror).as(PropertiesJetStreamDefinitions::source).to(builder::mirror);
		map.from(properties::getSources).when((sources) -> !sources.isEmpty()).as(PropertiesJetStreamDefinitions::sources)
			.to(builder::sources);
		map.from(properties::getSubjectTransform).as(PropertiesJetStreamDefinitions::transform)
			.to(builder::subjectTransform);
		map.from(properties::getCompression).to(builder::compression);
		map.from(properties::getFirstSequence).to(builder::firstSequence);
		map.from(properties::getMetadata).when((metadata) -> !metadata.isEmpty()).to(builder::metadata);
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
		map.from(properties::getInactiveThreshold).to(builder::inactiveThreshold);
		map.from(properties::getMaxWaiting).to(builder::maxWaiting);
		map.from(properties::getMaxBatch).to(builder::maxBatch);
		map.from(properties::getMaxExpires).to(builder::maxExpires);
		map.from(properties::getHeadersOnly).to(builder::headersOnly);
		map.from(properties::getSampleFrequency).to(builder::sampleFrequency);
		map.from(properties::getRateLimit).to(builder::rateLimit);
		map.from(properties::getDeliverSubject).to(builder::deliverSubject);
		map.from(properties::getDeliverGroup).to(builder::deliverGroup);
		map.from(properties::getReplicas).to(builder::replicas);
		map.from(properties::getMemStorage).to(builder::memStorage);
		map.from(properties::getMetadata).when((metadata) -> !metadata.isEmpty()).to(builder::metadata);
		map.from(properties::getPauseUntil).to(builder::pauseUntil);
		map.from(properties::getPriorityGroups).when((groups) -> !groups.isEmpty()).to(builder::priorityGroups);
		map.from(properties::getPriorityPolicy).to(builder::priorityPolicy);
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
		map.from(properties::getMaxValueSize).as(DataSize::toBytes).to(builder::maxValueSize);
		map.from(properties::getCompression).to(builder::compression);
		map.from(properties::getMirror).as(PropertiesJetStreamDefinitions::source).to(builder::mirror);
		map.from(properties::getSources).when((sources) -> !sources.isEmpty()).as(PropertiesJetStreamDefinitions::sources)
			.to(builder::sources);
		map.from(properties::getMetadata).when((metadata) -> !metadata.isEmpty()).to(builder::metadata);
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

	private static List<StreamSource> sources(List<NatsJetStreamProperties.Source> sources) {
		return sources.stream().map(PropertiesJetStreamDefinitions::source).toList();
	}

	private static StreamSource source(NatsJetStreamProperties.Source source) {
		List<SubjectTransform> transforms = source.getSubjectTransforms()
			.stream()
			.map(PropertiesJetStreamDefinitions::transform)
			.toList();
		return new StreamSource(source.getName(), source.getFilterSubject(), source.getStartSeq(),
				source.getStartTime(), transforms, source.getApiPrefix(), source.getDeliverPrefix());
	}

	private static SubjectTransform transform(NatsJetStreamProperties.Transform transform) {
		return new SubjectTransform(transform.getSource(), transform.getDestination());
	}

}
