package io.github.natsboot.leader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.github.natsboot.core.JetStreamApiErrorCodes;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import io.nats.client.impl.NatsMessage;
import io.nats.client.support.NatsKeyValueUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link LeaseStore} on a JetStream key-value bucket, through the jnats key-value API:
 * the lease is the key named after the group, its value the holder's node id. Requests
 * time out after the renew interval.
 */
final class KeyValueLeaseStore implements LeaseStore {

	private static final Log logger = LogFactory.getLog(NatsLeaderElection.class);

	private final Connection connection;

	private final LeaderElectionSettings settings;

	private final KeyValueOptions options;

	private final byte[] value;

	private KeyValue keyValue;

	private JetStream jetStream;

	private LeaseExpiry expiry;

	private NatsKeyValueWatchSubscription watch;

	KeyValueLeaseStore(Connection connection, LeaderElectionSettings settings) {
		this.connection = connection;
		this.settings = settings;
		this.options = KeyValueOptions.builder().jsRequestTimeout(settings.getRenewInterval()).build();
		this.value = settings.getNodeId().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void open(Consumer<LeaseChange> changes) throws IOException, JetStreamApiException, InterruptedException {
		close();
		requireConnected();
		boolean serverSupportsMessageTtl = LeaseExpiry.supportsMessageTtl(this.connection.getServerInfo());
		KeyValueStatus status = findOrCreateBucket(serverSupportsMessageTtl);
		LeaseExpiry expiry = LeaseExpiry.of(this.settings.getBucket(), status.getTtl(),
				status.getConfiguration().getBackingConfig().isAllowMessageTtl(), serverSupportsMessageTtl,
				this.settings.getTtl());
		if (expiry.warning() != null) {
			logger.warn(expiry.warning());
		}
		KeyValue keyValue = this.connection.keyValue(this.settings.getBucket(), this.options);
		this.jetStream = this.connection.jetStream(this.options.getJetStreamOptions());
		this.expiry = expiry;
		this.keyValue = keyValue;
		this.watch = keyValue.watch(this.settings.getGroup(), new LeaseWatcher(changes));
	}

	@Override
	public OptionalLong create() throws IOException, JetStreamApiException {
		requireConnected();
		try {
			return OptionalLong.of(this.expiry.perKey()
					? this.keyValue.create(this.settings.getGroup(), this.value, this.expiry.messageTtl())
					: this.keyValue.create(this.settings.getGroup(), this.value));
		}
		catch (JetStreamApiException ex) {
			int code = ex.getApiErrorCode();
			if (code == JetStreamApiErrorCodes.WRONG_LAST_SEQUENCE
					|| code == JetStreamApiErrorCodes.SEQUENCE_TEMPORARILY_UNKNOWN) {
				return OptionalLong.empty();
			}
			throw ex;
		}
	}

	@Override
	public long renew(long revision) throws IOException, JetStreamApiException {
		requireConnected();
		if (!this.expiry.perKey()) {
			return this.keyValue.update(this.settings.getGroup(), this.value, revision);
		}
		NatsMessage message = NatsMessage.builder()
			.subject(NatsKeyValueUtil.toKeyPrefix(this.settings.getBucket()) + this.settings.getGroup())
			.data(this.value)
			.build();
		PublishOptions publishOptions = PublishOptions.builder()
			.expectedLastSubjectSequence(revision)
			.messageTtl(this.expiry.messageTtl())
			.build();
		return this.jetStream.publish(message, publishOptions).getSeqno();
	}

	@Override
	public void release(long revision) throws IOException, JetStreamApiException {
		requireConnected();
		this.keyValue.delete(this.settings.getGroup(), revision);
	}

	@Override
	public boolean isConnected() {
		return this.connection.getStatus() == Connection.Status.CONNECTED;
	}

	@Override
	public void close() {
		NatsKeyValueWatchSubscription current = this.watch;
		this.watch = null;
		if (current != null) {
			try {
				current.unsubscribe();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not stop watching the lease of group '" + this.settings.getGroup() + "'", ex);
			}
		}
	}

	private KeyValueStatus findOrCreateBucket(boolean serverSupportsMessageTtl)
			throws IOException, JetStreamApiException {
		KeyValueManagement management = this.connection.keyValueManagement(this.options);
		String bucket = this.settings.getBucket();
		try {
			return management.getStatus(bucket);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() != JetStreamApiErrorCodes.STREAM_NOT_FOUND) {
				throw ex;
			}
		}
		try {
			KeyValueStatus created = management.create(
					LeaseExpiry.bucketConfiguration(bucket, this.settings.getTtl(), serverSupportsMessageTtl));
			logger.info("Created leader election bucket '" + bucket + "' with a ttl of " + this.settings.getTtl());
			return created;
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() != JetStreamApiErrorCodes.STREAM_NAME_IN_USE) {
				throw ex;
			}
			return management.getStatus(bucket);
		}
	}

	private void requireConnected() throws IOException {
		if (!isConnected()) {
			throw new IOException("Not connected to NATS (" + this.connection.getStatus() + ")");
		}
	}

	/**
	 * Hands each change of the lease on as a {@link LeaseChange}.
	 */
	private static final class LeaseWatcher implements KeyValueWatcher {

		private final Consumer<LeaseChange> changes;

		LeaseWatcher(Consumer<LeaseChange> changes) {
			this.changes = changes;
		}

		@Override
		public void watch(KeyValueEntry entry) {
			String holder = (entry.getOperation() == KeyValueOperation.PUT) ? entry.getValueAsString() : null;
			this.changes.accept(new LeaseChange(holder, entry.getRevision()));
		}

		@Override
		public void endOfData() {
		}

	}

}
