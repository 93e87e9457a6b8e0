package io.github.natsboot.leader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.natsboot.core.NatsLifecyclePhases;
import io.nats.client.Connection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Owns this node's leader elections, one per group: the default group's and any created
 * later with {@link #createElection(String)}. Elections start with the application
 * context and stop, releasing their leases, after the listener containers and before the
 * template and the connection.
 */
public class NatsLeaderElectionRegistry implements SmartLifecycle {

	/**
	 * Lifecycle phase of leader election.
	 * @see NatsLifecyclePhases#LEADER_ELECTION
	 */
	public static final int PHASE = NatsLifecyclePhases.LEADER_ELECTION;

	private final Connection connection;

	private final LeaderElectionSettings defaultSettings;

	private final ApplicationEventPublisher eventPublisher;

	private final Map<String, KeyValueLeaderElection> elections = new LinkedHashMap<>();

	private volatile boolean running;

	/**
	 * Create a registry with the election of the default group.
	 * @param connection the connection the elections use
	 * @param defaultSettings the settings of the default group's election, also the
	 * defaults of elections created for other groups
	 * @param eventPublisher publishes the elections' leadership events
	 */
	public NatsLeaderElectionRegistry(Connection connection, LeaderElectionSettings defaultSettings,
			ApplicationEventPublisher eventPublisher) {
		Assert.notNull(connection, "Connection must not be null");
		Assert.notNull(defaultSettings, "Default settings must not be null");
		Assert.notNull(eventPublisher, "Event publisher must not be null");
		this.connection = connection;
		this.defaultSettings = defaultSettings;
		this.eventPublisher = eventPublisher;
		createElection(defaultSettings);
	}

	/**
	 * Return the connection the elections run on.
	 * @return the connection
	 */
	public Connection getConnection() {
		return this.connection;
	}

	/**
	 * Return the settings of the default group's election.
	 * @return the default settings
	 */
	public LeaderElectionSettings getDefaultSettings() {
		return this.defaultSettings;
	}

	/**
	 * Return the election of the default group.
	 * @return the default election
	 */
	public NatsLeaderElection getDefaultElection() {
		return getElection(this.defaultSettings.getGroup());
	}

	/**
	 * Return the election of a group.
	 * @param group the group
	 * @return the election, or {@code null} if this node takes no part in that group's
	 * election
	 */
	public NatsLeaderElection getElection(String group) {
		synchronized (this.elections) {
			return this.elections.get(group);
		}
	}

	/**
	 * Return all elections of this node.
	 * @return the elections, the default group's first
	 */
	public Collection<NatsLeaderElection> getElections() {
		synchronized (this.elections) {
			return List.copyOf(this.elections.values());
		}
	}

	/**
	 * Take part in the election of another group, with the default settings otherwise
	 * (bucket, node id, timings).
	 * @param group the group
	 * @return the election, started at once when the registry is running
	 * @throws IllegalStateException if this node already takes part in that group's
	 * election
	 */
	public NatsLeaderElection createElection(String group) {
		return createElection(this.defaultSettings.toBuilder().group(group).build());
	}

	/**
	 * Take part in an election with settings of its own.
	 * @param settings the settings
	 * @return the election, started at once when the registry is running
	 * @throws IllegalStateException if this node already takes part in that group's
	 * election
	 * @throws LeaderElectionException if the bucket cannot hold the lease safely
	 */
	public NatsLeaderElection createElection(LeaderElectionSettings settings) {
		Assert.notNull(settings, "Settings must not be null");
		synchronized (this.elections) {
			if (this.elections.containsKey(settings.getGroup())) {
				throw new IllegalStateException(
						"This node already takes part in the leader election of group '" + settings.getGroup() + "'");
			}
			KeyValueLeaderElection election = new KeyValueLeaderElection(settings,
					new KeyValueLeaseStore(this.connection, settings), this.eventPublisher);
			if (this.running) {
				election.start();
			}
			this.elections.put(settings.getGroup(), election);
			return election;
		}
	}

	/**
	 * Leave the election of a group for good: a leader steps down and releases its lease.
	 * @param group the group
	 * @return {@code true} if this node took part in that group's election
	 */
	public boolean removeElection(String group) {
		KeyValueLeaderElection removed;
		synchronized (this.elections) {
			removed = this.elections.remove(group);
		}
		if (removed == null) {
			return false;
		}
		removed.stop();
		return true;
	}

	@Override
	public void start() {
		synchronized (this.elections) {
			List<KeyValueLeaderElection> started = new ArrayList<>();
			try {
				for (KeyValueLeaderElection election : this.elections.values()) {
					election.start();
					started.add(election);
				}
			}
			catch (RuntimeException ex) {
				started.forEach(KeyValueLeaderElection::stop);
				throw ex;
			}
			this.running = true;
		}
	}

	@Override
	public void stop() {
		List<KeyValueLeaderElection> stopping;
		synchronized (this.elections) {
			this.running = false;
			stopping = new ArrayList<>(this.elections.values());
		}
		List<CompletableFuture<Void>> stops = stopping.stream().map(KeyValueLeaderElection::beginStop).toList();
		for (int i = 0; i < stopping.size(); i++) {
			stopping.get(i).awaitStop(stops.get(i));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
