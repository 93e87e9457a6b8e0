package io.github.natsboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the NATS connection, bound from {@code nats.*}.
 */
@ConfigurationProperties("nats")
public class NatsProperties {

	/**
	 * NATS server URLs to connect to, such as nats://host:4222 or tls://host:4443. List
	 * every node of a cluster so that the client can fail over.
	 */
	private List<String> servers = new ArrayList<>(List.of("nats://localhost:4222"));

	/**
	 * Name of the connection as shown by the server's monitoring. Defaults to
	 * spring.application.name.
	 */
	private String connectionName;

	/**
	 * User name to authenticate with.
	 */
	private String username;

	/**
	 * Password to authenticate with.
	 */
	private String password;

	/**
	 * Token to authenticate with.
	 */
	private String token;

	/**
	 * Credentials file (.creds, a user JWT and its nkey seed) to authenticate with, for
	 * example file:/etc/nats/app.creds.
	 */
	private Resource credentials;

	/**
	 * NKey seed (starting with SU) to authenticate with.
	 */
	private String nkey;

	/**
	 * Time to wait for a connection to a server to be established.
	 */
	private Duration connectionTimeout = Duration.ofSeconds(2);

	/**
	 * Interval at which the client pings the server. A dead server is noticed after
	 * ping-interval times max-pings-out at the latest: lower values detect failures
	 * sooner at the cost of a little traffic.
	 */
	private Duration pingInterval = Duration.ofMinutes(2);

	/**
	 * Number of unanswered pings after which the connection is considered broken.
	 */
	private int maxPingsOut = 2;

	/**
	 * Prefix of the inbox subjects used for request replies.
	 */
	private String inboxPrefix = "_INBOX.";

	/**
	 * Whether messages published by this connection are not delivered to its own
	 * subscriptions.
	 */
	private boolean noEcho;

	/**
	 * Whether each request and JetStream publish is written to the socket on its own
	 * rather than together with the messages queued with it. Off by default: batching
	 * writes the same bytes with fewer system calls and never delays a request that is
	 * alone in the queue.
	 */
	private boolean forceFlushOnRequest;

	/**
	 * Time allowed on shutdown to drain the connection (let subscriptions finish their
	 * pending messages and flush outgoing ones) before it is closed.
	 */
	private Duration drainTimeout = Duration.ofSeconds(30);

	/**
	 * Whether startup fails when no server can be reached. When false, the application
	 * starts and the connection keeps trying in the background, within the reconnect
	 * settings.
	 */
	private boolean failFast = true;

	private final Reconnect reconnect = new Reconnect();

	private final Ssl ssl = new Ssl();

	private final Template template = new Template();

	private final Listener listener = new Listener();

	private final Metrics metrics = new Metrics();

	public List<String> getServers() {
		return this.servers;
	}

	public void setServers(List<String> servers) {
		this.servers = servers;
	}

	public String getConnectionName() {
		return this.connectionName;
	}

	public void setConnectionName(String connectionName) {
		this.connectionName = connectionName;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public Resource getCredentials() {
		return this.credentials;
	}

	public void setCredentials(Resource credentials) {
		this.credentials = credentials;
	}

	public String getNkey() {
		return this.nkey;
	}

	public void setNkey(String nkey) {
		this.nkey = nkey;
	}

	public Duration getConnectionTimeout() {
		return this.connectionTimeout;
	}

	public void setConnectionTimeout(Duration connectionTimeout) {
		this.connectionTimeout = connectionTimeout;
	}

	public Duration getPingInterval() {
		return this.pingInterval;
	}

	public void setPingInterval(Duration pingInterval) {
		this.pingInterval = pingInterval;
	}

	public int getMaxPingsOut() {
		return this.maxPingsOut;
	}

	public void setMaxPingsOut(int maxPingsOut) {
		this.maxPingsOut = maxPingsOut;
	}

	public String getInboxPrefix() {
		return this.inboxPrefix;
	}

	public void setInboxPrefix(String inboxPrefix) {
		this.inboxPrefix = inboxPrefix;
	}

	public boolean isNoEcho() {
		return this.noEcho;
	}

	public void setNoEcho(boolean noEcho) {
		this.noEcho = noEcho;
	}

	public boolean isForceFlushOnRequest() {
		return this.forceFlushOnRequest;
	}

	public void setForceFlushOnRequest(boolean forceFlushOnRequest) {
		this.forceFlushOnRequest = forceFlushOnRequest;
	}

	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setDrainTimeout(Duration drainTimeout) {
		this.drainTimeout = drainTimeout;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Reconnect getReconnect() {
		return this.reconnect;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Template getTemplate() {
		return this.template;
	}

	public Listener getListener() {
		return this.listener;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * Reconnection settings.
	 */
	public static class Reconnect {

		/**
		 * Maximum number of reconnect attempts after a connection is lost; -1 retries
		 * forever, 0 disables reconnection.
		 */
		private int maxAttempts = -1;

		/**
		 * Time to wait between two reconnect attempts to the same server.
		 */
		private Duration wait = Duration.ofSeconds(2);

		/**
		 * Maximum random delay added to the reconnect wait, so that many clients do not
		 * reconnect at the same instant.
		 */
		private Duration jitter = Duration.ofMillis(100);

		/**
		 * Size of the buffer that holds outgoing messages while reconnecting; 0 disables
		 * buffering (publishes fail while disconnected).
		 */
		private DataSize bufferSize = DataSize.ofMegabytes(8);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getWait() {
			return this.wait;
		}

		public void setWait(Duration wait) {
			this.wait = wait;
		}

		public Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(Duration jitter) {
			this.jitter = jitter;
		}

		public DataSize getBufferSize() {
			return this.bufferSize;
		}

		public void setBufferSize(DataSize bufferSize) {
			this.bufferSize = bufferSize;
		}

	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Whether to connect with TLS. Implied when a bundle is set or a server URL uses
		 * the tls:// scheme.
		 */
		private boolean enabled;

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) holding the trust material and,
		 * for mutual TLS, the client key.
		 */
		private String bundle;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * NatsTemplate settings.
	 */
	public static class Template {

		/**
		 * Default time to wait for the reply to a request.
		 */
		private Duration requestTimeout = Duration.ofSeconds(5);

		/**
		 * Whether each publish and request is recorded as a Micrometer observation, whose
		 * trace context travels in the message headers.
		 */
		private boolean observationEnabled;

		private final TemplateJetStream jetstream = new TemplateJetStream();

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public boolean isObservationEnabled() {
			return this.observationEnabled;
		}

		public void setObservationEnabled(boolean observationEnabled) {
			this.observationEnabled = observationEnabled;
		}

		public TemplateJetStream getJetstream() {
			return this.jetstream;
		}

	}

	/**
	 * NatsTemplate JetStream publish settings.
	 */
	public static class TemplateJetStream {

		/**
		 * Time a JetStream publish waits for the stream's acknowledgement.
		 */
		private Duration publishTimeout = Duration.ofSeconds(5);

		/**
		 * Maximum number of asynchronous JetStream publishes awaiting their
		 * acknowledgement; further publishes block until one completes.
		 */
		private int maxInFlight = 1000;

		public Duration getPublishTimeout() {
			return this.publishTimeout;
		}

		public void setPublishTimeout(Duration publishTimeout) {
			this.publishTimeout = publishTimeout;
		}

		public int getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(int maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

	}

	/**
	 * Listener container settings.
	 */
	public static class Listener {

		/**
		 * Maximum number of messages received but not yet processed per listener
		 * consumer; past it the client drops messages and reports a slow consumer.
		 */
		private long pendingMessages = 512 * 1024;

		/**
		 * Maximum size of the messages received but not yet processed per listener
		 * consumer.
		 */
		private DataSize pendingBytes = DataSize.ofMegabytes(64);

		/**
		 * Time a stopping listener waits for in-flight and already received messages to
		 * be processed.
		 */
		private Duration stopTimeout = Duration.ofSeconds(30);

		/**
		 * Whether the processing of each message is recorded as a Micrometer observation
		 * that continues the trace whose context came in the message headers.
		 */
		private boolean observationEnabled;

		private final ListenerJetStream jetstream = new ListenerJetStream();

		public boolean isObservationEnabled() {
			return this.observationEnabled;
		}

		public void setObservationEnabled(boolean observationEnabled) {
			this.observationEnabled = observationEnabled;
		}

		public long getPendingMessages() {
			return this.pendingMessages;
		}

		public void setPendingMessages(long pendingMessages) {
			this.pendingMessages = pendingMessages;
		}

		public DataSize getPendingBytes() {
			return this.pendingBytes;
		}

		public void setPendingBytes(DataSize pendingBytes) {
			this.pendingBytes = pendingBytes;
		}

		public Duration getStopTimeout() {
			return this.stopTimeout;
		}

		public void setStopTimeout(Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
		}

		public ListenerJetStream getJetstream() {
			return this.jetstream;
		}

	}

	/**
	 * JetStream listener settings.
	 */
	public static class ListenerJetStream {

		/**
		 * Messages each consumer worker pulls at once. Buffered messages wait for the
		 * handler: keep batch size times handler time well below the consumer's ack wait.
		 */
		private int batchSize = 500;

		/**
		 * How long a pull request lives. The server sends idle heartbeats at half of it;
		 * missed heartbeats make the client pull again.
		 */
		private Duration pullExpiry = Duration.ofSeconds(5);

		/**
		 * Delays before redelivering a message whose listener threw, by delivery attempt
		 * (the last one repeats). A consumer's own backoff and a listener's backoff
		 * attribute take precedence.
		 */
		private List<Duration> backoff = new ArrayList<>(
				List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)));

		/**
		 * Subject that messages go to when a listener gives up on them, with {stream} and
		 * {consumer} replaced.
		 */
		private String deadLetterSubject = "dlq.{stream}.{consumer}";

		/**
		 * Max deliveries of listeners without a configured consumer, counted by the
		 * listener: the consumers they create redeliver without a server-side limit, so
		 * that a message whose dead letter could not be published before a stop is
		 * redelivered and dead-lettered by the next instance.
		 */
		private int maxDeliver = 5;

		/**
		 * Ack wait of the durable consumers that listeners without a configured consumer
		 * create for themselves.
		 */
		private Duration ackWait = Duration.ofSeconds(30);

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getPullExpiry() {
			return this.pullExpiry;
		}

		public void setPullExpiry(Duration pullExpiry) {
			this.pullExpiry = pullExpiry;
		}

		public List<Duration> getBackoff() {
			return this.backoff;
		}

		public void setBackoff(List<Duration> backoff) {
			this.backoff = backoff;
		}

		public String getDeadLetterSubject() {
			return this.deadLetterSubject;
		}

		public void setDeadLetterSubject(String deadLetterSubject) {
			this.deadLetterSubject = deadLetterSubject;
		}

		public int getMaxDeliver() {
			return this.maxDeliver;
		}

		public void setMaxDeliver(int maxDeliver) {
			this.maxDeliver = maxDeliver;
		}

		public Duration getAckWait() {
			return this.ackWait;
		}

		public void setAckWait(Duration ackWait) {
			this.ackWait = ackWait;
		}

	}

	/**
	 * Micrometer metrics settings.
	 */
	public static class Metrics {

		/**
		 * Whether NATS meters are registered when a MeterRegistry is available.
		 */
		private boolean enabled = true;

		/**
		 * Interval between two reads of the stream and consumer information behind the
		 * JetStream gauges; never read per message.
		 */
		private Duration jetstreamPollInterval = Duration.ofSeconds(15);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getJetstreamPollInterval() {
			return this.jetstreamPollInterval;
		}

		public void setJetstreamPollInterval(Duration jetstreamPollInterval) {
			this.jetstreamPollInterval = jetstreamPollInterval;
		}

	}

}
