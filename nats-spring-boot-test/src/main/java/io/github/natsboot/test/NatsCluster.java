package io.github.natsboot.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.natsboot.launcher.FreePorts;
import io.github.natsboot.launcher.NatsServerExecutableLocator;

/**
 * A group of {@link NatsServer} nodes started together: one plain server, or a full-mesh cluster
 * in which every node has its own cluster port, routes to the others and its own JetStream store.
 *
 * <p>{@link Builder#start()} returns once every node is ready and, with JetStream on, the meta
 * group has a leader that sees all nodes, so that an R3 stream can be created at once. Nodes are
 * ordinary {@link NatsServer} handles: tests kill, pause and restart them one by one.
 *
 * <pre class="code">
 * try (NatsCluster cluster = NatsCluster.start(3)) {
 *     Connection connection = Nats.connect(new Options.Builder().servers(cluster.getUrlList().toArray(String[]::new)).build());
 *     cluster.node(0).kill();
 *     ...
 * }
 * </pre>
 */
public final class NatsCluster implements AutoCloseable {

	private final List<NatsServer> nodes;

	private NatsCluster(List<NatsServer> nodes) {
		this.nodes = List.copyOf(nodes);
	}

	/**
	 * Returns a builder for a one-node cluster with JetStream on.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts a cluster with JetStream on and default settings.
	 * @param nodes the number of nodes; {@code 1} starts a plain server
	 * @return the running cluster
	 */
	public static NatsCluster start(int nodes) {
		return builder().nodes(nodes).start();
	}

	/**
	 * Returns every node, in start order.
	 * @return the nodes
	 */
	public List<NatsServer> getNodes() {
		return this.nodes;
	}

	/**
	 * Returns one node.
	 * @param index the node index, from {@code 0}
	 * @return the node
	 */
	public NatsServer node(int index) {
		return this.nodes.get(index);
	}

	/**
	 * Returns the first node, the only one of a one-node cluster.
	 * @return node {@code 0}
	 */
	public NatsServer server() {
		return node(0);
	}

	/**
	 * Returns the URLs of all nodes, comma-separated, as the {@code nats.servers} property takes
	 * them.
	 * @return for example {@code nats://127.0.0.1:41234,nats://127.0.0.1:41240}
	 */
	public String getUrls() {
		return String.join(",", getUrlList());
	}

	/**
	 * Returns the URLs of all nodes.
	 * @return one {@code nats://} URL per node
	 */
	public List<String> getUrlList() {
		return this.nodes.stream().map(NatsServer::getUrl).collect(Collectors.toUnmodifiableList());
	}

	/**
	 * Stops every node and deletes their temporary directories.
	 */
	@Override
	public void close() {
		RuntimeException failure = null;
		for (NatsServer node : this.nodes) {
			try {
				node.close();
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public String toString() {
		return "NatsCluster" + this.nodes;
	}

	private void closeQuietly(RuntimeException failure) {
		try {
			close();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * Configures and starts a {@link NatsCluster}.
	 */
	public static final class Builder {

		private int nodes = 1;

		private boolean jetStream = true;

		private static final String DEFAULT_NAME = "nats-test";

		private String name;

		private Path executable;

		private NatsServerExecutableLocator locator;

		private Duration startupTimeout = Duration.ofSeconds(20);

		private final List<String> configSnippets = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Sets the number of nodes.
		 * @param nodes the number of nodes (default {@code 1}, a plain server without a cluster
		 * block)
		 * @return this builder
		 */
		public Builder nodes(int nodes) {
			if (nodes < 1) {
				throw new IllegalArgumentException("A cluster needs at least one node, not " + nodes);
			}
			this.nodes = nodes;
			return this;
		}

		/**
		 * Turns JetStream on or off on every node.
		 * @param jetStream whether JetStream is enabled (default {@code true})
		 * @return this builder
		 */
		public Builder jetStream(boolean jetStream) {
			this.jetStream = jetStream;
			return this;
		}

		/**
		 * Appends configuration snippets to every node's configuration file. May be called more
		 * than once.
		 * @param snippets nats-server configuration text
		 * @return this builder
		 * @see NatsServer.Builder#config(String)
		 */
		public Builder config(String... snippets) {
			this.configSnippets.addAll(Arrays.asList(snippets));
			return this;
		}

		/**
		 * Sets the cluster name; nodes are named {@code <name>-<index>}. A one-node cluster uses it
		 * as the server name.
		 * @param name the cluster name (default {@code nats-test}; a single server is named
		 * {@code nats-<port>})
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = Objects.requireNonNull(name, "name");
			return this;
		}

		/**
		 * Sets the {@code nats-server} executable, or a directory that contains it.
		 * @param executable the executable (default: {@link NatsServerBinary#locate()})
		 * @return this builder
		 */
		public Builder executable(Path executable) {
			this.executable = executable;
			return this;
		}

		Builder locator(NatsServerExecutableLocator locator) {
			this.locator = locator;
			return this;
		}

		/**
		 * Sets how long each node, and then the JetStream meta group, may take to become ready.
		 * @param startupTimeout the startup timeout (default 20 seconds)
		 * @return this builder
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
			return this;
		}

		/**
		 * Starts every node and waits until the cluster is ready.
		 * @return the running cluster
		 * @throws NatsServerStartupException if a node or the JetStream meta group is not ready in
		 * time
		 */
		public NatsCluster start() {
			if (this.nodes == 1) {
				return new NatsCluster(List.of(node().start()));
			}
			List<Integer> clusterPorts = new ArrayList<>();
			for (int i = 0; i < this.nodes; i++) {
				clusterPorts.add(FreePorts.next());
			}
			String clusterName = (this.name != null) ? this.name : DEFAULT_NAME;
			List<NatsServer> started = new ArrayList<>();
			try {
				for (int i = 0; i < this.nodes; i++) {
					started.add(node().name(clusterName + "-" + i)
						.clusterName(clusterName)
						.clusterPort(clusterPorts.get(i))
						.routes(routesToOthers(clusterPorts, i))
						.launch());
				}
				for (NatsServer node : started) {
					node.awaitReady();
				}
				if (this.jetStream) {
					JetStreamMetaGroup.awaitFormed(started, this.startupTimeout);
				}
				return new NatsCluster(started);
			}
			catch (RuntimeException ex) {
				new NatsCluster(started).closeQuietly(ex);
				throw ex;
			}
		}

		private NatsServer.Builder node() {
			NatsServer.Builder node = NatsServer.builder()
				.name(this.name)
				.jetStream(this.jetStream)
				.executable(this.executable)
				.locator(this.locator)
				.startupTimeout(this.startupTimeout);
			this.configSnippets.forEach(node::config);
			return node;
		}

		private static List<String> routesToOthers(List<Integer> clusterPorts, int self) {
			List<String> routes = new ArrayList<>();
			for (int i = 0; i < clusterPorts.size(); i++) {
				if (i != self) {
					routes.add("nats-route://" + NatsServer.LOOPBACK + ":" + clusterPorts.get(i));
				}
			}
			return routes;
		}

	}

}
