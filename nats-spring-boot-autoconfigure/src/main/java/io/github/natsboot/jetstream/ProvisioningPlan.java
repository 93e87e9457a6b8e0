package io.github.natsboot.jetstream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StreamConfiguration;

/**
 * What provisioning a set of definitions involves, read from the server before anything
 * is changed: for each definition, the server's current configuration and the settings
 * that differ; and the problems that make provisioning impossible (settings the server
 * cannot change, features it lacks, consumers of streams that do not exist).
 *
 * @param steps one step per definition, streams first
 * @param problems settings the server cannot apply
 * @param immutableChanges settings the server cannot change on what exists
 */
record ProvisioningPlan(List<Step> steps, List<Problem> problems, List<Problem> immutableChanges) {

	static ProvisioningPlan read(JetStreamServer server, Definitions definitions, ServerCapabilities capabilities) {
		return new Reader(server, capabilities).read(definitions);
	}

	/**
	 * Provisioning one definition.
	 */
	sealed interface Step permits StreamStep, ConsumerStep, KeyValueStep, ObjectStoreStep {

		JetStreamDefinition definition();

		/**
		 * Return whether the stream, consumer or bucket exists on the server.
		 */
		boolean exists();

		List<FieldDifference> differences();

	}

	record StreamStep(StreamDefinition definition, StreamConfiguration current,
			List<FieldDifference> differences) implements Step {

		@Override
		public boolean exists() {
			return this.current != null;
		}

	}

	record ConsumerStep(ConsumerDefinition definition, ConsumerConfiguration current,
			List<FieldDifference> differences) implements Step {

		@Override
		public boolean exists() {
			return this.current != null;
		}

	}

	record KeyValueStep(KeyValueDefinition definition, KeyValueStatus current,
			List<FieldDifference> differences) implements Step {

		@Override
		public boolean exists() {
			return this.current != null;
		}

	}

	record ObjectStoreStep(ObjectStoreDefinition definition, ObjectStoreStatus current,
			List<FieldDifference> differences) implements Step {

		@Override
		public boolean exists() {
			return this.current != null;
		}

	}

	private static final class Reader {

		private final JetStreamServer server;

		private final ServerCapabilities capabilities;

		private final List<Step> steps = new ArrayList<>();

		private final List<Problem> problems = new ArrayList<>();

		private final List<Problem> immutableChanges = new ArrayList<>();

		private final Map<String, StreamConfiguration> streams = new HashMap<>();

		Reader(JetStreamServer server, ServerCapabilities capabilities) {
			this.server = server;
			this.capabilities = capabilities;
		}

		ProvisioningPlan read(Definitions definitions) {
			try {
				for (StreamDefinition stream : definitions.streams()) {
					readStream(stream);
				}
				for (ConsumerDefinition consumer : definitions.consumers()) {
					readConsumer(consumer, definitions.stream(consumer.getStream()));
				}
				for (KeyValueDefinition keyValue : definitions.keyValues()) {
					readKeyValue(keyValue);
				}
				for (ObjectStoreDefinition objectStore : definitions.objectStores()) {
					readObjectStore(objectStore);
				}
			}
			catch (JetStreamApiException ex) {
				throw new JetStreamProvisioningException(JetStreamProvisioningException.Reason.UNAVAILABLE,
						List.of(new Problem("", "could not read the JetStream configuration: " + ex.getMessage())), ex);
			}
			return new ProvisioningPlan(this.steps, this.problems, this.immutableChanges);
		}

		private void readStream(StreamDefinition definition) throws JetStreamApiException {
			StreamConfiguration current = this.server.findStream(definition.getName());
			this.streams.put(definition.getName(), current);
			checkReplicas(definition, definition.getReplicas());
			List<FieldDifference> differences = (current != null)
					? StreamDefinitionComparison.compare(definition, current, this.capabilities) : List.of();
			addStep(new StreamStep(definition, current, differences));
		}

		private void readConsumer(ConsumerDefinition definition, StreamDefinition streamDefinition)
				throws JetStreamApiException {
			String stream = definition.getStream();
			if (!this.streams.containsKey(stream)) {
				this.streams.put(stream, this.server.findStream(stream));
			}
			StreamConfiguration streamConfiguration = this.streams.get(stream);
			if (streamDefinition == null) {
				checkStreamOnServer(definition, streamConfiguration);
			}
			List<String> filters = definition.getFilterSubjects();
			if (filters != null && filters.size() > 1 && !this.capabilities.supportsMultipleFilterSubjects()) {
				this.problems.add(new Problem(definition.getPath() + ".filter-subjects",
						"lists " + filters.size() + " subjects, but nats-server " + this.capabilities.version()
								+ " supports only one filter subject per consumer (several need 2.10 or later)"));
			}
			ConsumerConfiguration current = (streamConfiguration != null)
					? this.server.findConsumer(stream, definition.getDurable()) : null;
			List<FieldDifference> differences = (current != null)
					? ConsumerDefinitionComparison.compare(definition, current) : List.of();
			addStep(new ConsumerStep(definition, current, differences));
		}

		private void checkStreamOnServer(ConsumerDefinition definition, StreamConfiguration stream) {
			if (stream == null) {
				this.problems.add(new Problem(definition.getPath(), "stream '" + definition.getStream()
						+ "' does not exist; define it with its subjects (nats.jetstream.streams." + definition.getStream()
						+ ".subjects, or a StreamDefinition bean) or create it before the application starts"));
				return;
			}
			if (definition.getFilterSubjects() == null) {
				return;
			}
			for (String filter : definition.getFilterSubjects()) {
				if (!SubjectPatterns.isValidFilter(filter, stream.getSubjects())) {
					this.problems.add(new Problem(definition.getPath() + ".filter-subjects", "'" + filter
							+ "' is outside the subjects of stream '" + definition.getStream() + "' "
							+ stream.getSubjects()));
				}
			}
		}

		private void readKeyValue(KeyValueDefinition definition) throws JetStreamApiException {
			KeyValueStatus current = this.server.findKeyValue(definition.getBucket());
			checkReplicas(definition, definition.getReplicas());
			List<FieldDifference> differences = (current != null)
					? KeyValueDefinitionComparison.compare(definition, current) : List.of();
			addStep(new KeyValueStep(definition, current, differences));
		}

		private void readObjectStore(ObjectStoreDefinition definition) throws JetStreamApiException {
			ObjectStoreStatus current = this.server.findObjectStore(definition.getBucket());
			checkReplicas(definition, definition.getReplicas());
			if (Boolean.TRUE.equals(definition.getCompression()) && !this.capabilities.release210()) {
				this.problems.add(new Problem(definition.getPath() + ".compression",
						"needs nats-server 2.10 or later, but the server is " + this.capabilities.version()
								+ " (which would store the objects uncompressed); remove the setting, or upgrade"
								+ " the server"));
			}
			List<FieldDifference> differences = (current != null)
					? ObjectStoreDefinitionComparison.compare(definition, current) : List.of();
			addStep(new ObjectStoreStep(definition, current, differences));
		}

		private void checkReplicas(JetStreamDefinition definition, Integer replicas) {
			if (replicas != null && replicas > 1 && !this.capabilities.clustered()) {
				this.problems.add(new Problem(definition.getPath() + ".replicas", replicas
						+ " replicas need a JetStream cluster of at least " + replicas
						+ " servers, but the server runs on its own (nats-server " + this.capabilities.version()
						+ " would store the setting without replicating anything); use 1, or connect to a cluster"));
			}
		}

		private void addStep(Step step) {
			this.steps.add(step);
			for (FieldDifference difference : step.differences()) {
				if (difference.immutable()) {
					this.immutableChanges.add(new Problem(difference.property(step.definition()),
							"cannot be changed on an existing " + kind(step) + " ("
									+ difference.describe(step.definition()) + "); restore "
									+ DisplayValues.format(difference.current()) + ", or delete the " + kind(step)
									+ " so that it is created again (its messages and state are lost)"));
				}
			}
		}

		private static String kind(Step step) {
			if (step instanceof StreamStep) {
				return "stream";
			}
			if (step instanceof ObjectStoreStep) {
				return "object store";
			}
			return (step instanceof ConsumerStep) ? "consumer" : "key-value bucket";
		}

	}

}
