package io.github.natsboot.leader;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

import static org.awaitility.Awaitility.await;

/**
 * Candidates of one leader election for tests, each on a connection of its own (through a
 * {@link TcpProxy} of its own when asked), all recording their events in one
 * {@link LeadershipRecorder}.
 */
final class Candidates implements AutoCloseable {

	private final List<KeyValueLeaderElection> elections = new ArrayList<>();

	private final List<Connection> connections = new ArrayList<>();

	private final List<TcpProxy> proxies = new ArrayList<>();

	private final List<BlockableLeaseStore> stores = new ArrayList<>();

	private final LeadershipRecorder recorder = new LeadershipRecorder();

	private Candidates() {
	}

	/**
	 * Start candidates {@code node-1} to {@code node-<count>}.
	 */
	static Candidates start(NatsServer server, int count, LeaderElectionSettings settings, boolean proxied)
			throws IOException, InterruptedException {
		Candidates candidates = new Candidates();
		try {
			for (int i = 1; i <= count; i++) {
				candidates.add(server, settings.toBuilder().nodeId("node-" + i).build(), proxied);
			}
			return candidates;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			candidates.close();
			throw ex;
		}
	}

	static Connection connect(String url) throws IOException, InterruptedException {
		return Nats.connect(Options.builder()
			.server(url)
			.connectionTimeout(Duration.ofSeconds(2))
			.reconnectWait(Duration.ofMillis(100))
			.maxReconnects(-1)
			.errorListener(new ErrorListener() {
			})
			.build());
	}

	List<KeyValueLeaderElection> elections() {
		return this.elections;
	}

	LeadershipRecorder recorder() {
		return this.recorder;
	}

	TcpProxy proxyOf(NatsLeaderElection election) {
		return this.proxies.get(this.elections.indexOf(election));
	}

	BlockableLeaseStore storeOf(NatsLeaderElection election) {
		return this.stores.get(this.elections.indexOf(election));
	}

	KeyValueLeaderElection awaitLeader(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(5)).until(() -> leaders().size() == 1);
		return leaders().get(0);
	}

	KeyValueLeaderElection awaitOtherLeader(NatsLeaderElection former, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(5))
			.until(() -> leaders().size() == 1 && leaders().get(0) != former);
		return leaders().get(0);
	}

	List<KeyValueLeaderElection> leaders() {
		return this.elections.stream().filter(NatsLeaderElection::isLeader).toList();
	}

	@Override
	public void close() {
		List<CompletableFuture<Void>> stops = this.elections.stream()
			.map(KeyValueLeaderElection::beginStop)
			.toList();
		for (int i = 0; i < stops.size(); i++) {
			this.elections.get(i).awaitStop(stops.get(i));
		}
		for (Connection connection : this.connections) {
			try {
				connection.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.proxies.forEach(TcpProxy::close);
	}

	private void add(NatsServer server, LeaderElectionSettings settings, boolean proxied)
			throws IOException, InterruptedException {
		String url = server.getUrl();
		if (proxied) {
			TcpProxy proxy = new TcpProxy(server.getPort());
			this.proxies.add(proxy);
			url = proxy.getUrl();
		}
		Connection connection = connect(url);
		this.connections.add(connection);
		BlockableLeaseStore store = new BlockableLeaseStore(new KeyValueLeaseStore(connection, settings));
		this.stores.add(store);
		KeyValueLeaderElection election = new KeyValueLeaderElection(settings, store, this.recorder);
		this.elections.add(election);
		election.start();
	}

}
