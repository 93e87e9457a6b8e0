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
		 * Maximum number of messages kept per subject; -1 is unlimited. Defaults to
		 * unlimited.
		 */
		private Long maxMsgsPerSubject;

		/**
		 * Maximum number of consumers; -1 is unlimited. Cannot be changed on an existing
		 * stream. Defaults to unlimited.
		 */
		private Integer maxConsumers;

		/**
		 * Whether publishers get no acknowledgement when a message is stored. Defaults to
		 * false.
		 */
		private Boolean noAck;

		/**
		 * Whether single messages cannot be deleted; once true, it cannot be turned off.
		 * Defaults to false.
		 */
		private Boolean denyDelete;

		/**
		 * Whether the stream cannot be purged; once true, it cannot be turned off. Defaults
		 * to false.
		 */
		private Boolean denyPurge;

		/**
		 * Whether a message with a Nats-Rollup header may replace the messages before it.
		 * Defaults to false.
		 */
		private Boolean allowRollup;

		/**
		 * Whether any server holding the stream answers direct get requests. Defaults to
		 * false.
		 */
		private Boolean allowDirect;

		/**
		 * Whether the stream is sealed: no message can be added or removed, and it cannot
		 * be unsealed. Defaults to false.
		 */
		private Boolean sealed;

		/**
		 * Whether messages may carry their own time to live in a Nats-TTL header. Cannot be
		 * changed on an existing stream. Needs nats-server 2.11 or later. Defaults to false.
		 */
		private Boolean allowMsgTtl;

		/**
		 * Stream this stream mirrors; a mirror has no subjects and no sources, and what it
		 * mirrors cannot be changed.
		 */
		private Source mirror;

		/**
		 * Streams this stream takes messages from, besides its own subjects.
		 */
		private List<Source> sources = new ArrayList<>();

		/**
		 * Rewrite of the subjects of incoming messages before they are stored. Needs
		 * nats-server 2.10 or later.
		 */
		private Transform subjectTransform;

		/**
		 * How stored messages are compressed. Needs nats-server 2.10 or later. Defaults to
		 * none.
		 */
		private StreamDefinition.Compression compression;

		/**
		 * Sequence of the stream's first message, set when the stream is created. Needs
		 * nats-server 2.10 or later. Defaults to 1.
		 */
		private Long firstSequence;

		/**
		 * Metadata of the stream. Needs nats-server 2.10 or later.
		 */
		private Map<String, String> metadata = new LinkedHashMap<>();

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

		public Long getMaxMsgsPerSubject() {
			return this.maxMsgsPerSubject;
		}

		public void setMaxMsgsPerSubject(Long maxMsgsPerSubject) {
			this.maxMsgsPerSubject = maxMsgsPerSubject;
		}

		public Integer getMaxConsumers() {
			return this.maxConsumers;
		}

		public void setMaxConsumers(Integer maxConsumers) {
			this.maxConsumers = maxConsumers;
		}

		public Boolean getNoAck() {
			return this.noAck;
		}

		public void setNoAck(Boolean noAck) {
			this.noAck = noAck;
		}

		public Boolean getDenyDelete() {
			return this.denyDelete;
		}

		public void setDenyDelete(Boolean denyDelete) {
			this.denyDelete = denyDelete;
		}

		public Boolean getDenyPurge() {
			return this.denyPurge;
		}

		public void setDenyPurge(Boolean denyPurge) {
			this.denyPurge = denyPurge;
		}

		public Boolean getAllowRollup() {
			return this.allowRollup;
		}

		public void setAllowRollup(Boolean allowRollup) {
			this.allowRollup = allowRollup;
		}

		public Boolean getAllowDirect() {
			return this.allowDirect;
		}

		public void setAllowDirect(Boolean allowDirect) {
			this.allowDirect = allowDirect;
		}

		public Boolean getSealed() {
			return this.sealed;
		}

		public void setSealed(Boolean sealed) {
			this.sealed = sealed;
		}

		public Boolean getAllowMsgTtl() {
			return this.allowMsgTtl;
		}

		public void setAllowMsgTtl(Boolean allowMsgTtl) {
			this.allowMsgTtl = allowMsgTtl;
		}

		public Source getMirror() {
			return this.mirror;
		}

		public void setMirror(Source mirror) {
			this.mirror = mirror;
		}

		public List<Source> getSources() {
			return this.sources;
		}

		public void setSources(List<Source> sources) {
			this.sources = sources;
		}

		public Transform getSubjectTransform() {
			return this.subjectTransform;
		}

		public void setSubjectTransform(Transform subjectTransform) {
			this.subjectTransform = subjectTransform;
		}

		public StreamDefinition.Compression getCompression() {
			return this.compression;
		}

		public void setCompression(StreamDefinition.Compression compression) {
			this.compression = compression;
		}

		public Long getFirstSequence() {
			return this.firstSequence;
		}

		public void setFirstSequence(Long firstSequence) {
			this.firstSequence = firstSequence;
		}

		public Map<String, String> getMetadata() {
			return this.metadata;
		}

		public void setMetadata(Map<String, String> metadata) {
			this.metadata = metadata;
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

		/**
		 * Time the consumer may go without any client pulling or subscribing before the
		 * server deletes it. Defaults to never.
		 */
		private Duration inactiveThreshold;

		/**
		 * Maximum number of pull requests waiting at once. Cannot be changed on an existing
		 * consumer. Defaults to 512.
		 */
		private Integer maxWaiting;

		/**
		 * Largest batch one pull request may ask for. Defaults to unlimited.
		 */
		private Integer maxBatch;

		/**
		 * Longest time a pull request may wait for messages. Defaults to unlimited.
		 */
		private Duration maxExpires;

		/**
		 * Whether messages are delivered without their payload, with a Nats-Msg-Size
		 * header. Defaults to false.
		 */
		private Boolean headersOnly;

		/**
		 * Percentage of acknowledgements sampled for monitoring, such as 10%. Defaults to
		 * none.
		 */
		private String sampleFrequency;

		/**
		 * Delivery rate limit of a push consumer, in bits per second. Defaults to unlimited.
		 */
		private Long rateLimit;

		/**
		 * Subject a push consumer delivers to; without it the consumer is a pull consumer,
		 * which JetStream listeners consume. Cannot be added or removed on an existing
		 * consumer.
		 */
		private String deliverSubject;

		/**
		 * Queue group a push consumer delivers to.
		 */
		private String deliverGroup;

		/**
		 * Number of replicas of the consumer's state, at most the stream's. Defaults to the
		 * stream's.
		 */
		private Integer replicas;

		/**
		 * Whether the consumer's state is kept in memory whatever the stream's storage.
		 * Defaults to false.
		 */
		private Boolean memStorage;

		/**
		 * Metadata of the consumer. Needs nats-server 2.10 or later.
		 */
		private Map<String, String> metadata = new LinkedHashMap<>();

		/**
		 * Time until which the consumer delivers nothing, such as 2025-01-31T00:00:00Z.
		 * Needs nats-server 2.11 or later.
		 */
		private Instant pauseUntil;

		/**
		 * Priority groups that pull requests must name, with priority-policy. Needs
		 * nats-server 2.11 or later.
		 */
		private List<String> priorityGroups = new ArrayList<>();

		/**
		 * How the priority groups share the messages. Needs nats-server 2.11 or later.
		 */
		private ConsumerDefinition.PriorityPolicy priorityPolicy;

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

		public Duration getInactiveThreshold() {
			return this.inactiveThreshold;
		}

		public void setInactiveThreshold(Duration inactiveThreshold) {
			this.inactiveThreshold = inactiveThreshold;
		}

		public Integer getMaxWaiting() {
			return this.maxWaiting;
		}

		public void setMaxWaiting(Integer maxWaiting) {
			this.maxWaiting = maxWaiting;
		}

		public Integer getMaxBatch() {
			return this.maxBatch;
		}

		public void setMaxBatch(Integer maxBatch) {
			this.maxBatch = maxBatch;
		}

		public Duration getMaxExpires() {
			return this.maxExpires;
		}

		public void setMaxExpires(Duration maxExpires) {
			this.maxExpires = maxExpires;
		}

		public Boolean getHeadersOnly() {
			return this.headersOnly;
		}

		public void setHeadersOnly(Boolean headersOnly) {
			this.headersOnly = headersOnly;
		}

		public String getSampleFrequency() {
			return this.sampleFrequency;
		}

		public void setSampleFrequency(String sampleFrequency) {
			this.sampleFrequency = sampleFrequency;
		}

		public Long getRateLimit() {
			return this.rateLimit;
		}

		public void setRateLimit(Long rateLimit) {
			this.rateLimit = rateLimit;
		}

		public String getDeliverSubject() {
			return this.deliverSubject;
		}

		public void setDeliverSubject(String deliverSubject) {
			this.deliverSubject = deliverSubject;
		}

		public String getDeliverGroup() {
			return this.deliverGroup;
		}

		public void setDeliverGroup(String deliverGroup) {
			this.deliverGroup = deliverGroup;
		}

		public Integer getReplicas() {
			return this.replicas;
		}

		public void setReplicas(Integer replicas) {
			this.replicas = replicas;
		}

		public Boolean getMemStorage() {
			return this.memStorage;
		}

		public void setMemStorage(Boolean memStorage) {
			this.memStorage = memStorage;
		}

		public Map<String, String> getMetadata() {
			return this.metadata;
		}

		public void setMetadata(Map<String, String> metadata) {
			this.metadata = metadata;
		}

		public Instant getPauseUntil() {
			return this.pauseUntil;
		}

		public void setPauseUntil(Instant pauseUntil) {
			this.pauseUntil = pauseUntil;
		}

		public List<String> getPriorityGroups() {
			return this.priorityGroups;
		}

		public void setPriorityGroups(List<String> priorityGroups) {
			this.priorityGroups = priorityGroups;
		}

		public ConsumerDefinition.PriorityPolicy getPriorityPolicy() {
			return this.priorityPolicy;
		}

		public void setPriorityPolicy(ConsumerDefinition.PriorityPolicy priorityPolicy) {
			this.priorityPolicy = priorityPolicy;
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

		/**
		 * Maximum size of one value; -1 is unlimited. Defaults to unlimited (within the
		 * server's max_payload).
		 */
		private DataSize maxValueSize;

		/**
		 * Whether stored entries are compressed. Needs nats-server 2.10 or later. Defaults
		 * to false.
		 */
		private Boolean compression;

		/**
		 * Bucket this bucket mirrors, read-only, by bucket name; what it mirrors cannot be
		 * changed.
		 */
		private Source mirror;

		/**
		 * Buckets whose entries this bucket takes, by bucket name. Needs nats-server 2.10
		 * or later.
		 */
		private List<Source> sources = new ArrayList<>();

		/**
		 * Metadata of the bucket. Needs nats-server 2.10 or later.
		 */
		private Map<String, String> metadata = new LinkedHashMap<>();

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

		public DataSize getMaxValueSize() {
			return this.maxValueSize;
		}

		public void setMaxValueSize(DataSize maxValueSize) {
			this.maxValueSize = maxValueSize;
		}

		public Boolean getCompression() {
			return this.compression;
		}

		public void setCompression(Boolean compression) {
			this.compression = compression;
		}

		public Source getMirror() {
			return this.mirror;
		}

		public void setMirror(Source mirror) {
			this.mirror = mirror;
		}

		public List<Source> getSources() {
			return this.sources;
		}

		public void setSources(List<Source> sources) {
			this.sources = sources;
		}

		public Map<String, String> getMetadata() {
			return this.metadata;
		}

		public void setMetadata(Map<String, String> metadata) {
			this.metadata = metadata;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

	}

	/**
	 * A stream (or bucket) that a stream (or bucket) mirrors or takes messages from.
	 */
	public static class Source {

		/**
		 * Name of the stream (for a bucket, of the bucket) to take messages from.
		 */
		private String name;

		/**
		 * Only messages on these subjects, wildcards allowed. Defaults to every message.
		 */
		private String filterSubject;

		/**
		 * First stream sequence to take. Defaults to the first message.
		 */
		private Long startSeq;

		/**
		 * Time of the first message to take, such as 2025-01-31T00:00:00Z.
		 */
		private Instant startTime;

		/**
		 * Rewrites of the subjects taken, each also a filter; they replace
		 * filter-subject. Needs nats-server 2.10 or later.
		 */
		private List<Transform> subjectTransforms = new ArrayList<>();

		/**
		 * JetStream API prefix of the other account or domain that holds the stream, such
		 * as $JS.hub.API.
		 */
		private String apiPrefix;

		/**
		 * Subject prefix on which the messages of the other account or domain are
		 * delivered.
		 */
		private String deliverPrefix;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getFilterSubject() {
			return this.filterSubject;
		}

		public void setFilterSubject(String filterSubject) {
			this.filterSubject = filterSubject;
		}

		public Long getStartSeq() {
			return this.startSeq;
		}

		public void setStartSeq(Long startSeq) {
			this.startSeq = startSeq;
		}

		public Instant getStartTime() {
			return this.startTime;
		}

		public void setStartTime(Instant startTime) {
			this.startTime = startTime;
		}

		public List<Transform> getSubjectTransforms() {
			return this.subjectTransforms;
		}

		public void setSubjectTransforms(List<Transform> subjectTransforms) {
			this.subjectTransforms = subjectTransforms;
		}

		public String getApiPrefix() {
			return this.apiPrefix;
		}

		public void setApiPrefix(String apiPrefix) {
			this.apiPrefix = apiPrefix;
		}

		public String getDeliverPrefix() {
			return this.deliverPrefix;
		}

		public void setDeliverPrefix(String deliverPrefix) {
			this.deliverPrefix = deliverPrefix;
		}

	}

	/**
	 * A rewrite of message subjects.
	 */
	public static class Transform {

		/**
		 * Subjects to rewrite, wildcards allowed. Defaults to every subject.
		 */
		private String source;

		/**
		 * What the subjects become, such as eu.orders.> or eu.{{wildcard(1)}}.
		 */
		private String destination;

		public String getSource() {
			return this.source;
		}

		public void setSource(String source) {
			this.source = source;
		}

		public String getDestination() {
			return this.destination;
		}

		public void setDestination(String destination) {
			this.destination = destination;
		}

	}

}
