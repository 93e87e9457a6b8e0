package io.github.natsboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.core.io.Resource;

/**
 * The settings of one NATS connection: where the servers are, how to authenticate, TLS,
 * reconnection and the template and listener defaults on it. {@link NatsProperties} binds
 * them for the default connection from {@code nats.*}; each named connection binds its own
 * under {@code nats.connections.<name>.*}, inheriting what it leaves unset.
 */
public class NatsConnectionProperties {

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

	@NestedConfigurationProperty
	private final NatsReconnectProperties reconnect = new NatsReconnectProperties();

	@NestedConfigurationProperty
	private final NatsSslProperties ssl = new NatsSslProperties();

	@NestedConfigurationProperty
	private final NatsTemplateProperties template = new NatsTemplateProperties();

	@NestedConfigurationProperty
	private final NatsListenerProperties listener = new NatsListenerProperties();

	@NestedConfigurationProperty
	private final NatsMetricsProperties metrics = new NatsMetricsProperties();

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

	public NatsReconnectProperties getReconnect() {
		return this.reconnect;
	}

	public NatsSslProperties getSsl() {
		return this.ssl;
	}

	public NatsTemplateProperties getTemplate() {
		return this.template;
	}

	public NatsListenerProperties getListener() {
		return this.listener;
	}

	public NatsMetricsProperties getMetrics() {
		return this.metrics;
	}

}
