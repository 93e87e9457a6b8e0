package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Reason;
import io.github.natsboot.jetstream.ProvisioningPlan.Step;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;

import org.springframework.util.Assert;

/**
 * Provisions JetStream streams, durable consumers, key-value buckets and object stores from
 * {@link JetStreamDefinition definitions}, and answers whether they exist. The starter
 * provisions the application's definitions at startup (see
 * {@code nats.jetstream.provisioning.mode}); the methods here do the same on demand.
 *
 * <p>Only the settings a definition sets are applied and compared, so server defaults
 * never count as a difference. Everything is checked before anything is changed: an
 * invalid definition, a setting the server cannot change on an existing stream or
 * consumer (storage, retention, a consumer's policies and start position), or a feature
 * the server lacks fails with a {@link JetStreamProvisioningException} that names the
 * setting, and nothing is created or updated.
 */
public class JetStreamAdmin {

	private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private final JetStreamServer server;

	/**
	 * Create an admin that waits up to 5 seconds for each JetStream API request.
	 * @param connection the connection to use
	 */
	public JetStreamAdmin(Connection connection) {
		this(connection, DEFAULT_REQUEST_TIMEOUT);
	}

	/**
	 * Create an admin.
	 * @param connection the connection to use
	 * @param requestTimeout how long to wait for each JetStream API request
	 */
	public JetStreamAdmin(Connection connection, Duration requestTimeout) {
		Assert.notNull(connection, "Connection must not be null");
		Assert.notNull(requestTimeout, "Request timeout must not be null");
		this.server = new JetStreamServer(connection,
				JetStreamOptions.builder().requestTimeout(requestTimeout).build());
	}

	/**
	 * Return whether a stream exists.
	 * @param stream the stream name
	 * @return {@code true} if the server has the stream
	 * @throws JetStreamProvisioningException if JetStream cannot be reached
	 */
	public boolean streamExists(String stream) {
		return lookUp("streams." + stream, () -> this.server.findStream(stream) != null);
	}

	/**
	 * Return whether a durable consumer exists.
	 * @param stream the stream name
	 * @param durable the durable name of the consumer
	 * @return {@code true} if the stream exists and has the consumer
	 * @throws JetStreamProvisioningException if JetStream cannot be reached
	 */
	public boolean consumerExists(String stream, String durable) {
		return lookUp("streams." + stream + ".consumers." + durable,
				() -> this.server.findConsumer(stream, durable) != null);
	}

	/**
	 * Return whether a key-value bucket exists.
	 * @param bucket the bucket name
	 * @return {@code true} if the server has the bucket
	 * @throws JetStreamProvisioningException if JetStream cannot be reached
	 */
	public boolean keyValueExists(String bucket) {
		return lookUp("key-value." + bucket, () -> this.server.findKeyValue(bucket) != null);
	}

	/**
	 * Return whether an object store exists.
	 * @param bucket the bucket name
	 * @return {@code true} if the server has the object store
	 * @throws JetStreamProvisioningException if JetStream cannot be reached
	 */
	public boolean objectStoreExists(String bucket) {
		return lookUp("object-stores." + bucket, () -> this.server.findObjectStore(bucket) != null);
	}

	/**
	 * Create or update a stream and its consumers.
	 * @param stream the stream definition
	 * @return what was created and updated
	 * @throws JetStreamProvisioningException if the definition is invalid or cannot be
	 * applied
	 */
	public ProvisioningReport provision(StreamDefinition stream) {
		return provision(List.of(stream));
	}

	/**
	 * Create or update a durable consumer of an existing stream.
	 * @param consumer the consumer definition
	 * @return what was created and updated
	 * @throws JetStreamProvisioningException if the definition is invalid or cannot be
	 * applied
	 */
	public ProvisioningReport provision(ConsumerDefinition consumer) {
		return provision(List.of(consumer));
	}

	/**
	 * Create or update a key-value bucket.
	 * @param keyValue the bucket definition
	 * @return what was created and updated
	 * @throws JetStreamProvisioningException if the definition is invalid or cannot be
	 * applied
	 */
	public ProvisioningReport provision(KeyValueDefinition keyValue) {
		return provision(List.of(keyValue));
	}

	/**
	 * Create or update an object store.
	 * @param objectStore the object store definition
	 * @return what was created and updated
	 * @throws JetStreamProvisioningException if the definition is invalid or cannot be
	 * applied
	 */
	public ProvisioningReport provision(ObjectStoreDefinition objectStore) {
		return provision(List.of(objectStore));
	}

	/**
	 * Create what is missing and update what differs: streams first, then consumers,
	 * then key-value buckets, then object stores. Each created definition and each changed setting (with its
	 * old and new value) is logged at INFO. Nothing is changed when a definition is
	 * invalid or changes a setting the server cannot change.
	 * @param definitions the definitions
	 * @return what was created and updated
	 * @throws JetStreamProvisioningException if a definition is invalid or cannot be
	 * applied
	 */
	public ProvisioningReport provision(Collection<? extends JetStreamDefinition> definitions) {
		Definitions sorted = checked(definitions);
		if (isEmpty(sorted)) {
			return new ProvisioningReport(List.of(), List.of());
		}
		ServerCapabilities capabilities = this.server.capabilities(firstPath(sorted));
		ProvisioningPlan plan = ProvisioningPlan.read(this.server, sorted, capabilities);
		if (!plan.problems().isEmpty()) {
			throw new JetStreamProvisioningException(Reason.REJECTED, plan.problems());
		}
		if (!plan.immutableChanges().isEmpty()) {
			throw new JetStreamProvisioningException(Reason.IMMUTABLE_CHANGE, plan.immutableChanges());
		}
		return new ProvisioningExecutor(this.server, capabilities).execute(plan.steps());
	}

	/**
	 * Check that the server holds every definition as defined, changing nothing.
	 * @param definitions the definitions
	 * @throws JetStreamProvisioningException listing everything missing and every
	 * setting that differs
	 */
	public void validate(JetStreamDefinition... definitions) {
		validate(Arrays.asList(definitions));
	}

	/**
	 * Check that the server holds every definition as defined, changing nothing.
	 * @param definitions the definitions
	 * @throws JetStreamProvisioningException listing everything missing and every
	 * setting that differs
	 */
	public void validate(Collection<? extends JetStreamDefinition> definitions) {
		Definitions sorted = checked(definitions);
		if (isEmpty(sorted)) {
			return;
		}
		ServerCapabilities capabilities = this.server.capabilities(firstPath(sorted));
		ProvisioningPlan plan = ProvisioningPlan.read(this.server, sorted, capabilities);
		List<Problem> drift = new ArrayList<>();
		for (Step step : plan.steps()) {
			JetStreamDefinition definition = step.definition();
			if (!step.exists()) {
				drift.add(new Problem(definition.getPath(), definition.describe() + " does not exist"));
			}
			for (FieldDifference difference : step.differences()) {
				drift.add(new Problem(difference.property(definition), difference.describe(definition)));
			}
		}
		if (!drift.isEmpty()) {
			throw new JetStreamProvisioningException(Reason.DRIFT, drift);
		}
	}

	/**
	 * Check definitions without contacting the server: names, subjects and values the
	 * server accepts, no two streams capturing the same subject, consumer filters within
	 * their stream's subjects, max-deliver, backoff and start positions that fit together.
	 * {@link #provision} and {@link #validate} check the same first.
	 * @param definitions the definitions
	 * @throws JetStreamProvisioningException listing every invalid setting
	 */
	public void checkDefinitions(Collection<? extends JetStreamDefinition> definitions) {
		checked(definitions);
	}

	private Definitions checked(Collection<? extends JetStreamDefinition> definitions) {
		Assert.notNull(definitions, "Definitions must not be null");
		List<Problem> problems = DefinitionValidator.validate(definitions);
		if (!problems.isEmpty()) {
			throw new JetStreamProvisioningException(Reason.INVALID_DEFINITION, problems);
		}
		return Definitions.of(definitions);
	}

	private static boolean isEmpty(Definitions definitions) {
		return definitions.streams().isEmpty() && definitions.consumers().isEmpty()
				&& definitions.keyValues().isEmpty() && definitions.objectStores().isEmpty();
	}

	private static String firstPath(Definitions definitions) {
		if (!definitions.streams().isEmpty()) {
			return definitions.streams().get(0).getPath();
		}
		if (!definitions.consumers().isEmpty()) {
			return definitions.consumers().get(0).getPath();
		}
		return !definitions.keyValues().isEmpty() ? definitions.keyValues().get(0).getPath()
				: definitions.objectStores().get(0).getPath();
	}

	private boolean lookUp(String path, LookUp lookUp) {
		this.server.capabilities(path);
		try {
			return lookUp.exists();
		}
		catch (JetStreamApiException ex) {
			throw new JetStreamProvisioningException(Reason.UNAVAILABLE,
					List.of(new Problem(path, "could not be looked up: " + ex.getMessage())), ex);
		}
	}

	@FunctionalInterface
	private interface LookUp {

		boolean exists() throws JetStreamApiException;

	}

}
