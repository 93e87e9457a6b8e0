package io.github.natsboot.autoconfigure.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsboot.jetstream.ConsumerDefinition;
import io.github.natsboot.jetstream.ProvisioningMode;
import io.github.natsboot.jetstream.StreamDefinition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for JetStream streams, consumers, key-value buckets and object
 * stores that
 * are provisioned at startup, bound from {@code nats.jetstream.*}. A setting that is not
 * set keeps the server's default when a stream, consumer or bucket is created and is left
 * alone on an existing one.
 */
@ConfigurationProperties("nats.jetstream")
public class NatsJetStreamProperties {

	private final Provisioning provisioning = new Provisioning();

	/**
	 * Streams to provision, by stream name.
	 */
	private Map<String, Stream> streams = new LinkedHashMap<>();

	/**
	 * Key-value buckets to provision, by bucket name.
	 */
	private Map<String, KeyValue> keyValue = new LinkedHashMap<>();

	/**
	 * Object stores to provision, by bucket name.
	 */
	private Map<String, ObjectStore> objectStores = new LinkedHashMap<>();

	public Provisioning getProvisioning() {
		return this.provisioning;
	}

	public Map<String, Stream> getStreams() {
		return this.streams;
	}

	public void setStreams(Map<String, Stream> streams) {
		this.streams = streams;
	}

	public Map<String, KeyValue> getKeyValue() {
		return this.keyValue;
	}

	public void setKeyValue(Map<String, KeyValue> keyValue) {
		this.keyValue = keyValue;
	}

	public Map<String, ObjectStore> getObjectStores() {
		return this.objectStores;
	}

	public void setObjectStores(Map<String, ObjectStore> objectStores) {
		this.objectStores = objectStores;
	}

	/**
	 * Provisioning settings.
	 */
	public static class Provisioning {

		/**
		 * What happens to the streams, consumers and key-value buckets defined in
		 * properties and as beans at startup.
		 */
		private ProvisioningMode mode = ProvisioningMode.CREATE_OR_UPDATE;

		public ProvisioningMode getMode() {
			return this.mode;
		}

		public void setMode(ProvisioningMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * Settings of one object store.
	 */
	public static class ObjectStore {

		/**
		 * Time an object is kept after it was written; 0 keeps objects forever. Defaults
		 * to forever.
		 */
		private Duration ttl;

		/**
		 * Where objects are stored. Cannot be changed on an existing bucket. Defaults to
		 * file.
		 */
		private StreamDefinition.Storage storage;

		/**
		 * Number of replicas, 1 to 5; more than 1 needs a JetStream cluster. Defaults to
		 * 1.
		 */
		private Integer replicas;

		/**
		 * Maximum size of the bucket; -1 is unlimited. Defaults to unlimited.
		 */
		private DataSize maxBytes;

		/**
		 * Description of the bucket shown by monitoring tools.
		 */
		private String description;

		/**
		 * Whether the server compresses the stored objects (S2); needs nats-server 2.10 or
		 * later. Defaults to false.
		 */
		private Boolean compression;

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public StreamDefinition.Storage getStorage() {
			return this.storage;
		}

		public void setStorage(StreamDefinition.Storage storage) {
			this.storage = storage;
		}

		public Integer getReplicas() {
			return this.replicas;
		}

		public void setReplicas(Integer replicas) {
			this.replicas = replicas;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public Boolean getCompression() {
			return this.compression;
		}

		public void setCompression(Boolean compression) {
			this.compression = compression;
		}

	}

	/**
	 * Settings of one stream.
	 */
	public static class Stream {

		/**
		 * Subjects the stream captures, wildcards allowed. Defaults to the stream name.
		 */
		private List<String> subjects = new ArrayList<>();

		/**
		 * Where messages are stored. Cannot be changed on an existing stream. Defaults to
		 * file.
		 */
		private StreamDefinition.Storage storage;

		/**
		 * When messages are removed, besides the limits. Defaults to limits.
		 */
		private StreamDefinition.Retention retention;

		/**
		 * Maximum age of messages; 0 keeps them forever. Defaults to forever.
		 */
		private Duration maxAge;

		/**
		 * Maximum size of the stream; -1 is unlimited. Defaults to unlimited.
		 */
		private DataSize maxBytes;

		/**
		 * Maximum number of messages; -1 is unlimited. Defaults to unlimited.
		 */
		private Long maxMsgs;

		/**
		 * Maximum size of one message; -1 is unlimited. Defaults to unlimited (within the
		 * server's max_payload).
		 */
		private DataSize maxMsgSize;

		/**
		 * Number of replicas, 1 to 5; more than 1 needs a JetStream cluster. Defaults to
		 * 1.
		 */
		private Integer replicas;

		/**
		 * Which messages are discarded when a limit is reached. Defaults to old.
		 */
		private StreamDefinition.Discard discard;

		/**
		 * Window in which messages with the same Nats-Msg-Id header are stored once, at
		 * most max-age. Defaults to 2 minutes, or max-age when shorter.
		 */
		private Duration duplicateWindow;

		/**
		 * Description of the stream shown by monitoring tools.
		 */
		private String description;

		/**
		 * Durable consumers of the stream, by durable name.
		 */
		private Map<String, Consumer> consumers = new LinkedHashMap<>();

		public List<String> getSubjects() {
			return this.subjects;
		}

		public void setSubjects(List<String> subjects) {
			this.subjects = subjects;
		}

		public StreamDefinition.Storage getStorage() {
			return this.storage;
		}

		public void setStorage(StreamDefinition.Storage storage) {
			this.storage = storage;
		}

		public StreamDefinition.Retention getRetention() {
			return this.retention;
		}

		public void setRetention(StreamDefinition.Retention retention) {
			this.retention = retention;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public Long getMaxMsgs() {
			return this.maxMsgs;
		}

		public void setMaxMsgs(Long maxMsgs) {
			this.maxMsgs = maxMsgs;
		}

		public DataSize getMaxMsgSize() {
			return this.maxMsgSize;
		}

		public void setMaxMsgSize(DataSize maxMsgSize) {
			this.maxMsgSize = maxMsgSize;
		}

		public Integer getReplicas() {
			return this.replicas;
		}

		public void setReplicas(Integer replicas) {
			this.replicas = replicas;
		}

		public StreamDefinition.Discard getDiscard() {
			return this.discard;
		}

		public void setDiscard(StreamDefinition.Discard discard) {
			this.discard = discard;
		}

		public Duration getDuplicateWindow() {
			return this.duplicateWindow;
		}

		public void setDuplicateWindow(Duration duplicateWindow) {
			this.duplicateWindow = duplicateWindow;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public Map<String, Consumer> getConsumers() {
			return this.consumers;
		}

		public void setConsumers(Map<String, Consumer> consumers) {
			this.consumers = consumers;
		}

	}

	/**
	 * Settings of one durable consumer.
	 */
	public static class Consumer {

		/**
		 * Subjects the consumer receives, within the stream's subjects. Defaults to every
		 * subject of the stream. More than one needs nats-server 2.10 or later.
		 */
		private List<String> filterSubjects = new ArrayList<>();

		/**
		 * How messages are acknowledged. Cannot be changed on an existing consumer.
		 * Defaults to explicit.
		 */
		private ConsumerDefinition.AckPolicy ackPolicy;

		/**
		 * Where in the stream the consumer starts. Cannot be changed on an existing
		 * consumer. Defaults to all.
		 */
		private ConsumerDefinition.DeliverPolicy deliverPolicy;

		/**
		 * Stream sequence to start at, with deliver-policy by-start-sequence.
		 */
		private Long optStartSeq;

		/**
		 * Time to start at, with deliver-policy by-start-time, such as
		 * 2025-01-31T00:00:00Z.
		 */
		private Instant optStartTime;

		/**
		 * Pace at which stored messages are delivered. Cannot be changed on an existing
		 * consumer. Defaults to instant.
		 */
		private ConsumerDefinition.ReplayPolicy replayPolicy;

		/**
		 * Maximum number of deliveries of a message; -1 is unlimited. Defaults to
		 * unlimited.
		 */
		private Integer maxDeliver;

		/**
		 * Time the server waits for an acknowledgement before redelivering. Defaults to
		 * 30 seconds, or to the first backoff entry when backoff is set.
		 */
		private Duration ackWait;

		/**
		 * Delays before successive redeliveries of a message that was not acknowledged in
		 * time, replacing ack-wait; fewer entries than max-deliver, which must be set.
		 */
		private List<Duration> backoff = new ArrayList<>();

		/**
		 * Maximum number of delivered messages awaiting acknowledgement. Defaults to
		 * 1000.
		 */
		private Integer maxAckPending;

		/**
		 * Description of the consumer shown by monitoring tools.
		 */
		private String description;

		public List<String> getFilterSubjects() {
			return this.filterSubjects;
		}

		public void setFilterSubjects(List<String> filterSubjects) {
			this.filterSubjects = filterSubjects;
		}

		public ConsumerDefinition.AckPolicy getAckPolicy() {
			return this.ackPolicy;
		}

		public void setAckPolicy(ConsumerDefinition.AckPolicy ackPolicy) {
			this.ackPolicy = ackPolicy;
		}

		public ConsumerDefinition.DeliverPolicy getDeliverPolicy() {
			return this.deliverPolicy;
		}

		public void setDeliverPolicy(ConsumerDefinition.DeliverPolicy deliverPolicy) {
			this.deliverPolicy = deliverPolicy;
		}

		public Long getOptStartSeq() {
			return this.optStartSeq;
		}

		public void setOptStartSeq(Long optStartSeq) {
			this.optStartSeq = optStartSeq;
		}

		public Instant getOptStartTime() {
			return this.optStartTime;
		}

		public void setOptStartTime(Instant optStartTime) {
			this.optStartTime = optStartTime;
		}

		public ConsumerDefinition.ReplayPolicy getReplayPolicy() {
			return this.replayPolicy;
		}

		public void setReplayPolicy(ConsumerDefinition.ReplayPolicy replayPolicy) {
			this.replayPolicy = replayPolicy;
		}

		public Integer getMaxDeliver() {
			return this.maxDeliver;
		}

		public void setMaxDeliver(Integer maxDeliver) {
			this.maxDeliver = maxDeliver;
		}

		public Duration getAckWait() {
			return this.ackWait;
		}

		public void setAckWait(Duration ackWait) {
			this.ackWait = ackWait;
		}

		public List<Duration> getBackoff() {
			return this.backoff;
		}

		public void setBackoff(List<Duration> backoff) {
			this.backoff = backoff;
		}

		public Integer getMaxAckPending() {
			return this.maxAckPending;
		}

		public void setMaxAckPending(Integer maxAckPending) {
			this.maxAckPending = maxAckPending;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

	}

	/**
	 * Settings of one key-value bucket.
	 */
	public static class KeyValue {

		/**
		 * Time an entry is kept after it was written; 0 keeps entries forever. Defaults to
		 * forever.
		 */
		private Duration ttl;

		/**
		 * Number of values kept per key, 1 to 64. Defaults to 1.
		 */
		private Integer history;

		/**
		 * Where entries are stored. Cannot be changed on an existing bucket. Defaults to
		 * file.
		 */
		private StreamDefinition.Storage storage;

		/**
		 * Number of replicas, 1 to 5; more than 1 needs a JetStream cluster. Defaults to
		 * 1.
		 */
		private Integer replicas;

		/**
		 * Maximum size of the bucket; -1 is unlimited. Defaults to unlimited.
		 */
		private DataSize maxBytes;

		/**
		 * Description of the bucket shown by monitoring tools.
		 */
		private String description;

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public Integer getHistory() {
			return this.history;
		}

		public void setHistory(Integer history) {
			this.history = history;
		}

		public StreamDefinition.Storage getStorage() {
			return this.storage;
		}

		public void setStorage(StreamDefinition.Storage storage) {
			this.storage = storage;
		}

		public Integer getReplicas() {
			return this.replicas;
		}

		public void setReplicas(Integer replicas) {
			this.replicas = replicas;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

	}

}
