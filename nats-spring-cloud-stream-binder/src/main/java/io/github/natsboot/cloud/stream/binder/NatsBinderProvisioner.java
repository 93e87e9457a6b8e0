package io.github.natsboot.cloud.stream.binder;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.natsboot.autoconfigure.NatsConnectionNames;
import io.github.natsboot.core.JetStreamLookups;
import io.github.natsboot.core.NatsSubjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.ServerInfo;
import io.nats.client.api.StreamConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.provisioning.ConsumerDestination;
import org.springframework.cloud.stream.provisioning.ProducerDestination;
import org.springframework.cloud.stream.provisioning.ProvisioningProvider;
import org.springframework.util.StringUtils;

/**
 * Provisions the NATS side of bindings: checks destinations, and for JetStream bindings
 * makes sure the stream exists (creating it when allowed) and creates or updates the
 * durable consumer of a consumer binding, named after its group, with
 * {@code maxAttempts} as its max deliver. A binding without a group gets a consumer of
 * its own that starts at new messages and is deleted when the binding is unbound.
 */
public class NatsBinderProvisioner implements
		ProvisioningProvider<ExtendedConsumerProperties<NatsConsumerProperties>, ExtendedProducerProperties<NatsProducerProperties>> {

	private static final Log logger = LogFactory.getLog(NatsBinderProvisioner.class);

	private static final String MULTIPLE_FILTERS_VERSION = "2.10.0";

	/**
	 * How long the server keeps the consumer of an anonymous binding whose application
	 * is gone without unbinding it.
	 */
	static final Duration ANONYMOUS_CONSUMER_INACTIVE_THRESHOLD = Duration.ofHours(1);

	private final Connection connection;

	private final NatsBinderConfigurationProperties binderProperties;

	private final Duration defaultAckWait;

	private final String connectionName;

	/**
	 * Create a provisioner.
	 * @param connection the connection bindings use
	 * @param binderProperties the binder's settings
	 * @param defaultAckWait the ack wait of a consumer whose binding sets none
	 * @param connectionName the connection's name under {@code nats.connections}, or
	 * {@code null} for the default one
	 */
	public NatsBinderProvisioner(Connection connection, NatsBinderConfigurationProperties binderProperties,
			Duration defaultAckWait, String connectionName) {
		this.connection = connection;
		this.binderProperties = binderProperties;
		this.defaultAckWait = defaultAckWait;
		this.connectionName = connectionName;
	}

	@Override
	public ProducerDestination provisionProducerDestination(String name,
			ExtendedProducerProperties<NatsProducerProperties> properties) {
		checkSubject(name, true);
		NatsProducerProperties nats = properties.getExtension();
		String stream = nats.isJetStream() ? nats.getStream() : null;
		if (stream != null) {
			withJetStream(stream, (management) -> ensureStream(management, stream, name));
		}
		return new NatsProducerDestination(name, stream);
	}

	@Override
	public ConsumerDestination provisionConsumerDestination(String name, String group,
			ExtendedConsumerProperties<NatsConsumerProperties> properties) {
		checkSubject(name, false);
		List<String> subjects = NatsBinderSubjects.consumerSubjects(name, properties);
		boolean anonymous = !StringUtils.hasText(group);
		NatsConsumerProperties nats = properties.getExtension();
		if (!nats.isJetStream()) {
			return new NatsConsumerDestination(name, subjects, null, null, anonymous);
		}
		String stream = nats.getStream();
		String durable = anonymous ? "anonymous-" + UUID.randomUUID() : NatsBinderSubjects.durableName(group);
		withJetStream(stream, (management) -> {
			ensureStream(management, stream, name);
			ensureConsumer(management, stream, durable, subjects, properties, anonymous);
		});
		return new NatsConsumerDestination(name, subjects, stream, durable, anonymous);
	}

	/**
	 * Delete the consumer of an anonymous JetStream binding.
	 * @param destination the binding's destination
	 */
	void deleteAnonymousConsumer(NatsConsumerDestination destination) {
		try {
			this.connection.jetStreamManagement().deleteConsumer(destination.stream(), destination.durable());
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			logger.warn("Could not delete consumer '" + destination.durable() + "' of stream '" + destination.stream()
					+ "' after unbinding; the server deletes it after "
					+ ANONYMOUS_CONSUMER_INACTIVE_THRESHOLD.toMinutes() + " minutes of inactivity: " + ex.getMessage());
		}
	}

	private static void checkSubject(String name, boolean publishing) {
		try {
			if (publishing) {
				NatsSubjects.requirePublishSubject(name);
			}
			else {
				NatsSubjects.requireSubscribeSubject(name);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new NatsProvisioningException(
					"Destination '" + name + "' is not a valid NATS subject: " + ex.getMessage(), ex);
		}
	}

	private void ensureStream(JetStreamManagement management, String stream, String destination)
			throws IOException, JetStreamApiException {
		if (JetStreamLookups.streamExists(management, stream)) {
			if (!management.getStreamNames(destination).contains(stream)) {
				throw new NatsProvisioningException("Stream '" + stream + "' does not capture destination '"
						+ destination
						+ "': add the subject to the stream, or bind the destination to the stream that captures it");
			}
			return;
		}
		if (!this.binderProperties.isAutoCreateStreams()) {
			throw new NatsProvisioningException("Stream '" + stream + "' for destination '" + destination
					+ "' does not exist: declare it under " + NatsConnectionNames.propertyPrefix(this.connectionName)
							+ "jetstream.streams." + stream
					+ ", or set spring.cloud.stream.nats.binder.auto-create-streams=true");
		}
		List<String> subjects = NatsBinderSubjects.streamSubjects(destination);
		try {
			management.addStream(StreamConfiguration.builder()
				.name(stream)
				.subjects(subjects)
				.storageType(this.binderProperties.getStreamStorage())
				.build());
			logger.info("Created stream '" + stream + "' on " + subjects + " for destination '" + destination + "'");
		}
		catch (JetStreamApiException ex) {
			if (JetStreamLookups.streamExists(management, stream)) {
				return;
			}
			throw new NatsProvisioningException("Could not create stream '" + stream + "' on " + subjects
					+ " for destination '" + destination + "' (" + ex.getMessage()
					+ "): if another stream captures these subjects, bind the destination to that stream", ex);
		}
	}

	private void ensureConsumer(JetStreamManagement management, String stream, String durable, List<String> subjects,
			ExtendedConsumerProperties<NatsConsumerProperties> properties, boolean anonymous)
			throws IOException, JetStreamApiException {
		Duration ackWait = (properties.getExtension().getAckWait() != null) ? properties.getExtension().getAckWait()
				: this.defaultAckWait;
		ConsumerConfiguration.Builder consumer = ConsumerConfiguration.builder()
			.durable(durable)
			.ackPolicy(AckPolicy.Explicit)
			.deliverPolicy(anonymous ? DeliverPolicy.New : DeliverPolicy.All)
			.ackWait(ackWait)
			.maxDeliver(Math.max(1, properties.getMaxAttempts()))
			.maxAckPending(Math.max(1000L, 1000L * properties.getConcurrency()));
		if (anonymous) {
			consumer.inactiveThreshold(ANONYMOUS_CONSUMER_INACTIVE_THRESHOLD);
		}
		if (subjects.size() == 1) {
			consumer.filterSubject(subjects.get(0));
		}
		else {
			requireMultipleFilters(subjects);
			consumer.filterSubjects(subjects);
		}
		try {
			management.addOrUpdateConsumer(stream, consumer.build());
		}
		catch (JetStreamApiException ex) {
			throw new NatsProvisioningException("Could not create or update the durable consumer '" + durable
					+ "' of stream '" + stream + "' on " + subjects + " (" + ex.getMessage()
					+ "): a consumer of that name may exist with settings that cannot change, such as its deliver "
					+ "policy; delete it or use another group", ex);
		}
	}

	private void requireMultipleFilters(List<String> subjects) {
		ServerInfo server = this.connection.getServerInfo();
		if (server == null || !server.isSameOrNewerThanVersion(MULTIPLE_FILTERS_VERSION)) {
			throw new NatsProvisioningException("A JetStream binding on several partitions " + subjects
					+ " needs a consumer with several filter subjects, which needs nats-server "
					+ MULTIPLE_FILTERS_VERSION + " or newer; the server is "
					+ ((server != null) ? server.getVersion() : "unknown")
					+ ": give each instance one partition (instance-index)");
		}
	}

	private void withJetStream(String stream, JetStreamWork work) {
		try {
			work.run(this.connection.jetStreamManagement());
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsProvisioningException("Could not provision stream '" + stream + "': " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface JetStreamWork {

		void run(JetStreamManagement management) throws IOException, JetStreamApiException;

	}

}
