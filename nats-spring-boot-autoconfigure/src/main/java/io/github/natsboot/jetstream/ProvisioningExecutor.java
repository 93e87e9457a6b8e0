package io.github.natsboot.jetstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Reason;
import io.github.natsboot.jetstream.ProvisioningPlan.ConsumerStep;
import io.github.natsboot.jetstream.ProvisioningPlan.KeyValueStep;
import io.github.natsboot.jetstream.ProvisioningPlan.ObjectStoreStep;
import io.github.natsboot.jetstream.ProvisioningPlan.Step;
import io.github.natsboot.jetstream.ProvisioningPlan.StreamStep;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StreamConfiguration;

/**
 * Carries out the steps of a {@link ProvisioningPlan}: creates what is missing, updates
 * what differs, logs each created definition and each changed setting at INFO, and
 * checks that the server applied every setting it was sent. A stream or bucket that
 * another instance of the application created meanwhile is updated instead.
 */
final class ProvisioningExecutor {

	private static final Log logger = LogFactory.getLog(JetStreamAdmin.class);

	private final JetStreamServer server;

	private final ServerCapabilities capabilities;

	private final List<String> created = new ArrayList<>();

	private final List<DefinitionChange> changes = new ArrayList<>();

	ProvisioningExecutor(JetStreamServer server, ServerCapabilities capabilities) {
		this.server = server;
		this.capabilities = capabilities;
	}

	ProvisioningReport execute(List<Step> steps) {
		for (Step step : steps) {
			try {
				execute(step);
			}
			catch (JetStreamApiException ex) {
				throw new JetStreamProvisioningException(Reason.REJECTED,
						List.of(ServerErrors.toProblem(step.definition(), ex, overlapDetail(step, ex))), ex);
			}
		}
		return new ProvisioningReport(this.created, this.changes);
	}

	private void execute(Step step) throws JetStreamApiException {
		if (step instanceof StreamStep stream) {
			executeStream(stream);
		}
		else if (step instanceof ConsumerStep consumer) {
			executeConsumer(consumer);
		}
		else if (step instanceof KeyValueStep keyValue) {
			executeKeyValue(keyValue);
		}
		else if (step instanceof ObjectStoreStep objectStore) {
			executeObjectStore(objectStore);
		}
	}

	private void executeStream(StreamStep step) throws JetStreamApiException {
		StreamDefinition definition = step.definition();
		if (!step.exists()) {
			StreamConfiguration result;
			try {
				result = this.server.addStream(StreamConfigurations.forCreate(definition));
			}
			catch (JetStreamApiException ex) {
				if (ex.getApiErrorCode() != ServerErrors.STREAM_NAME_IN_USE) {
					throw ex;
				}
				StreamConfiguration current = this.server.findStream(definition.getName());
				if (current == null) {
					throw ex;
				}
				executeStream(new StreamStep(definition, current,
						StreamDefinitionComparison.compare(definition, current, this.capabilities)));
				return;
			}
			created(definition);
			verify(definition, StreamDefinitionComparison.compare(definition, result, this.capabilities));
		}
		else if (!step.differences().isEmpty()) {
			StreamConfiguration result = this.server
				.updateStream(StreamConfigurations.forUpdate(definition, step.current()));
			updated(definition, step.differences());
			verify(definition, StreamDefinitionComparison.compare(definition, result, this.capabilities));
		}
	}

	private void executeConsumer(ConsumerStep step) throws JetStreamApiException {
		ConsumerDefinition definition = step.definition();
		if (!step.exists()) {
			ConsumerConfiguration result = this.server.addOrUpdateConsumer(definition.getStream(),
					ConsumerConfigurations.forCreate(definition));
			created(definition);
			verify(definition, ConsumerDefinitionComparison.compare(definition, result));
		}
		else if (!step.differences().isEmpty()) {
			ConsumerConfiguration result = this.server.addOrUpdateConsumer(definition.getStream(),
					ConsumerConfigurations.forUpdate(definition, step.current()));
			updated(definition, step.differences());
			verify(definition, ConsumerDefinitionComparison.compare(definition, result));
		}
	}

	private void executeKeyValue(KeyValueStep step) throws JetStreamApiException {
		KeyValueDefinition definition = step.definition();
		if (!step.exists()) {
			KeyValueStatus result;
			try {
				result = this.server.createKeyValue(KeyValueConfigurations.forCreate(definition));
			}
			catch (JetStreamApiException ex) {
				if (ex.getApiErrorCode() != ServerErrors.STREAM_NAME_IN_USE) {
					throw ex;
				}
				KeyValueStatus current = this.server.findKeyValue(definition.getBucket());
				if (current == null) {
					throw ex;
				}
				executeKeyValue(new KeyValueStep(definition, current,
						KeyValueDefinitionComparison.compare(definition, current)));
				return;
			}
			created(definition);
			verify(definition, KeyValueDefinitionComparison.compare(definition, result));
		}
		else if (!step.differences().isEmpty()) {
			KeyValueStatus result = this.server
				.updateKeyValue(KeyValueConfigurations.forUpdate(definition, step.current()));
			updated(definition, step.differences());
			verify(definition, KeyValueDefinitionComparison.compare(definition, result));
		}
	}

	private void executeObjectStore(ObjectStoreStep step) throws JetStreamApiException {
		ObjectStoreDefinition definition = step.definition();
		if (!step.exists()) {
			ObjectStoreStatus result;
			try {
				result = this.server.createObjectStore(ObjectStoreConfigurations.forCreate(definition));
			}
			catch (JetStreamApiException ex) {
				if (ex.getApiErrorCode() != ServerErrors.STREAM_NAME_IN_USE) {
					throw ex;
				}
				ObjectStoreStatus current = this.server.findObjectStore(definition.getBucket());
				if (current == null) {
					throw ex;
				}
				executeObjectStore(new ObjectStoreStep(definition, current,
						ObjectStoreDefinitionComparison.compare(definition, current)));
				return;
			}
			created(definition);
			verify(definition, ObjectStoreDefinitionComparison.compare(definition, result));
		}
		else if (!step.differences().isEmpty()) {
			ObjectStoreStatus result = this.server.updateObjectStore(definition.getBucket(),
					ObjectStoreConfigurations.forUpdate(definition, step.current()));
			updated(definition, step.differences());
			verify(definition, ObjectStoreDefinitionComparison.compare(definition, result));
		}
	}

	private void created(JetStreamDefinition definition) {
		logger.info("Created " + definition.describe());
		this.created.add(definition.describe());
	}

	private void updated(JetStreamDefinition definition, List<FieldDifference> differences) {
		for (FieldDifference difference : differences) {
			DefinitionChange change = difference.toChange(definition);
			logger.info("Updated " + definition.describe() + ": " + difference.field() + " changed from "
					+ change.current() + " to " + change.desired());
			this.changes.add(change);
		}
	}

	/**
	 * Fail when the server's answer still differs from the definition: it accepted a
	 * setting without applying it.
	 */
	private void verify(JetStreamDefinition definition, List<FieldDifference> remaining) {
		if (remaining.isEmpty()) {
			return;
		}
		List<Problem> problems = remaining.stream()
			.map((difference) -> new Problem(difference.property(definition),
					"the server accepted " + definition.describe() + " but kept "
							+ DisplayValues.format(difference.current()) + " instead of "
							+ DisplayValues.format(difference.desired())))
			.toList();
		throw new JetStreamProvisioningException(Reason.REJECTED, problems);
	}

	private String overlapDetail(Step step, JetStreamApiException ex) {
		if (ex.getApiErrorCode() != ServerErrors.SUBJECTS_OVERLAP || !(step instanceof StreamStep stream)) {
			return null;
		}
		Set<String> others = this.server.streamsCapturing(DefinitionValidator.subjectsOf(stream.definition()),
				stream.definition().getName());
		return others.isEmpty() ? null : "already captured by existing stream(s) " + others;
	}

}
