package io.github.natsboot.autoconfigure.leader;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for leader election, bound from {@code nats.leader.*}.
 */
@ConfigurationProperties("nats.leader")
public class NatsLeaderProperties {

	/**
	 * Whether this application takes part in a leader election. Needs JetStream.
	 */
	private boolean enabled;

	/**
	 * Key-value bucket that holds the leases, created if missing with the lease ttl.
	 */
	private String bucket = "leader-election";

	/**
	 * Name of the connection, configured under nats.connections, that elections run on.
	 * Defaults to the default connection.
	 */
	private String connection;

	/**
	 * Group whose leader is elected: the key of the lease in the bucket. Defaults to
	 * spring.application.name.
	 */
	private String group;

	/**
	 * Id of this node, unique among the candidates. Defaults to the host name, the process
	 * id and a random suffix.
	 */
	private String nodeId;

	/**
	 * Time a lease lasts after its last renewal. A leader that cannot renew steps down a
	 * fifth of it earlier; a crashed leader is replaced after at most ttl plus
	 * retry-interval.
	 */
	private Duration ttl = Duration.ofSeconds(10);

	/**
	 * Interval between two renewals of the lease by the leader. Defaults to a third of the
	 * ttl.
	 */
	private Duration renewInterval;

	/**
	 * Interval between two attempts of a follower to take the lease. A released lease is
	 * taken over at once, without waiting for the next attempt.
	 */
	private Duration retryInterval = Duration.ofSeconds(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getConnection() {
		return this.connection;
	}

	public void setConnection(String connection) {
		this.connection = connection;
	}

	public String getBucket() {
		return this.bucket;
	}

	public void setBucket(String bucket) {
		this.bucket = bucket;
	}

	public String getGroup() {
		return this.group;
	}

	public void setGroup(String group) {
		this.group = group;
	}

	public String getNodeId() {
		return this.nodeId;
	}

	public void setNodeId(String nodeId) {
		this.nodeId = nodeId;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public Duration getRenewInterval() {
		return this.renewInterval;
	}

	public void setRenewInterval(Duration renewInterval) {
		this.renewInterval = renewInterval;
	}

	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	public void setRetryInterval(Duration retryInterval) {
		this.retryInterval = retryInterval;
	}

}
