package io.github.natsboot.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.leader.LeaderElectionStatus;
import io.github.natsboot.leader.NatsLeaderElection;
import io.github.natsboot.leader.NatsLeaderElectionRegistry;
import io.github.natsboot.listener.NatsListenerContainer;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.nats.client.Connection;
import io.nats.client.api.ServerInfo;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for a NATS {@link Connection}, and for what the application
 * runs on it.
 *
 * <p>The health is {@code UP} when the connection is established and everything the
 * application needs is in place, and {@code DOWN} when:
 * <ul>
 * <li>the connection is not {@code CONNECTED} (disconnected, reconnecting or closed);</li>
 * <li>the server does not answer a ping within the timeout;</li>
 * <li>JetStream is needed (declared streams, consumers, buckets or object stores, JetStream listeners,
 * leader election) and the account does not answer, or an expected stream, consumer or
 * bucket does not exist;</li>
 * <li>a listener container is not in its {@linkplain NatsListenerContainer#isInExpectedState()
 * expected state}: its last start failed, or it runs but lost its subscriptions or pulls.
 * A listener stopped or paused on purpose, or not started automatically, does not make
 * the health {@code DOWN}.</li>
 * </ul>
 * The details are the connection status, the connected URL (without user information),
 * the server's id, name, version and cluster, the round-trip time, the JetStream account,
 * streams, consumers, buckets and object stores checked, the state of each listener, and this node's
 * role in each leader election (details only: a follower is healthy).
 *
 * <p>Everything that asks the server runs within {@linkplain Builder#timeout(Duration) a
 * timeout}, {@link #DEFAULT_TIMEOUT one second} by default: the check returns in time
 * even when the server is stalled.
 */
public class NatsHealthIndicator extends AbstractHealthIndicator {

	/**
	 * The time the server has to answer, unless set otherwise.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

	private final Connection connection;

	private final Supplier<? extends Collection<? extends JetStreamDefinition>> definitions;

	private final NatsListenerEndpointRegistry listenerRegistry;

	private final NatsLeaderElectionRegistry leaderElectionRegistry;

	private final ServerCheck serverCheck;

	private final String connectionName;

	private NatsHealthIndicator(Builder builder) {
		super("NATS health check failed");
		this.connection = builder.connection;
		this.connectionName = builder.connectionName;
		this.definitions = builder.definitions;
		this.listenerRegistry = builder.listenerRegistry;
		this.leaderElectionRegistry = builder.leaderElectionRegistry;
		this.serverCheck = new ServerCheck(builder.connection, builder.timeout);
	}

	/**
	 * Start building a health indicator for a connection.
	 * @param connection the connection
	 * @return a builder
	 */
	public static Builder builder(Connection connection) {
		return new Builder(connection);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Connection.Status status = this.connection.getStatus();
		boolean connected = status == Connection.Status.CONNECTED;
		boolean healthy = connected;
		builder.withDetail("connection", status.name());
		if (connected) {
			addServerDetails(builder);
		}
		Collection<NatsListenerContainer> containers = (this.listenerRegistry != null)
				? this.listenerRegistry.getListenerContainers()
					.stream()
					.filter((container) -> Objects.equals(container.getConnectionName(), this.connectionName))
					.toList()
				: List.of();
		if (connected) {
			HealthFindings server = this.serverCheck.check(JetStreamExpectations.of(this.definitions.get(), containers,
					this.leaderElectionRegistry != null));
			builder.withDetails(server.details());
			healthy &= server.healthy();
		}
		if (!containers.isEmpty()) {
			HealthFindings listeners = ListenerStates.of(containers);
			builder.withDetail("listeners", listeners.details());
			healthy &= listeners.healthy();
		}
		if (this.leaderElectionRegistry != null) {
			builder.withDetail("leaderElections", leaderElectionDetails());
		}
		if (healthy) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

	private void addServerDetails(Health.Builder builder) {
		String url = this.connection.getConnectedUrl();
		if (url != null) {
			builder.withDetail("url", withoutUserInfo(url));
		}
		ServerInfo info = this.connection.getServerInfo();
		if (info != null) {
			Map<String, Object> server = new LinkedHashMap<>();
			server.put("id", info.getServerId());
			server.put("name", info.getServerName());
			server.put("version", info.getVersion());
			if (info.getCluster() != null) {
				server.put("cluster", info.getCluster());
			}
			builder.withDetail("server", server);
		}
	}

	private Map<String, Object> leaderElectionDetails() {
		Map<String, Object> elections = new LinkedHashMap<>();
		for (NatsLeaderElection election : this.leaderElectionRegistry.getElections()) {
			LeaderElectionStatus status = election.getStatus();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("role", status.role().name());
			details.put("node", status.nodeId());
			if (status.leader() != null) {
				details.put("leader", status.leader());
			}
			if (status.role() == LeaderElectionStatus.Role.LEADER) {
				details.put("fencingToken", status.fencingToken());
			}
			if (status.lastFailure() != null) {
				details.put("lastFailure", status.lastFailure());
			}
			elections.put(status.group(), details);
		}
		return elections;
	}

	private static String withoutUserInfo(String url) {
		try {
			URI uri = new URI(url);
			if (uri.getUserInfo() == null) {
				return url;
			}
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return url.replaceFirst("//[^@/]*@", "//");
		}
	}

	/**
	 * Builds a {@link NatsHealthIndicator}. Only the connection is required; each
	 * collaborator adds its part of the check.
	 */
	public static final class Builder {

		private final Connection connection;

		private Supplier<? extends Collection<? extends JetStreamDefinition>> definitions = List::of;

		private NatsListenerEndpointRegistry listenerRegistry;

		private NatsLeaderElectionRegistry leaderElectionRegistry;

		private Duration timeout = DEFAULT_TIMEOUT;

		private String connectionName;

		private Builder(Connection connection) {
			Assert.notNull(connection, "Connection must not be null");
			this.connection = connection;
		}

		/**
		 * Check that the streams, consumers and buckets of these definitions exist.
		 * @param definitions supplies the definitions at each check
		 * @return this builder
		 */
		public Builder definitions(Supplier<? extends Collection<? extends JetStreamDefinition>> definitions) {
			Assert.notNull(definitions, "Definitions must not be null");
			this.definitions = definitions;
			return this;
		}

		/**
		 * Check the state of these listener containers, and that the streams and
		 * consumers of the JetStream ones exist.
		 * @param listenerRegistry the registry of the listener containers, or
		 * {@code null}
		 * @return this builder
		 */
		public Builder listeners(NatsListenerEndpointRegistry listenerRegistry) {
			this.listenerRegistry = listenerRegistry;
			return this;
		}

		/**
		 * Check only the listeners on one of the application's connections.
		 * @param connectionName the name of a connection under {@code nats.connections},
		 * or {@code null} for the default connection (the default)
		 * @return this builder
		 */
		public Builder connectionName(String connectionName) {
			this.connectionName = connectionName;
			return this;
		}

		/**
		 * Report this node's role in these leader elections.
		 * @param leaderElectionRegistry the registry of the elections, or {@code null}
		 * @return this builder
		 */
		public Builder leaderElections(NatsLeaderElectionRegistry leaderElectionRegistry) {
			this.leaderElectionRegistry = leaderElectionRegistry;
			return this;
		}

		/**
		 * Set the time the server has to answer the check's requests, all together.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(),
					"Timeout must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * Build the health indicator.
		 * @return the health indicator
		 */
		public NatsHealthIndicator build() {
			return new NatsHealthIndicator(this);
		}

	}

}
