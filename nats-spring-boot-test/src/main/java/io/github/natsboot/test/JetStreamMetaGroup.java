package io.github.natsboot.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.natsboot.launcher.MonitorEndpoint;

/**
 * Waits until the JetStream meta group of a cluster has a leader that sees every other node as a
 * current replica. A node's {@code /healthz} only says that the node itself follows a leader; an R3
 * stream can be placed reliably only once the leader knows all peers.
 */
final class JetStreamMetaGroup {

	private static final Pattern LEADER = Pattern.compile("\"leader\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern CURRENT_REPLICA = Pattern.compile("\"current\"\\s*:\\s*true");

	private static final long POLL_MILLIS = 50;

	private JetStreamMetaGroup() {
	}

	static void awaitFormed(List<NatsServer> nodes, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		String lastStatus = "";
		while (true) {
			for (NatsServer node : nodes) {
				MonitorEndpoint.Response jsz = node.monitor().get("/jsz");
				String metaCluster = metaCluster(jsz.body());
				lastStatus = node.getName() + ": " + jsz.status() + " " + metaCluster;
				if (isLeaderWithAllReplicasCurrent(node, metaCluster, nodes.size() - 1)) {
					return;
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new NatsServerStartupException("The JetStream meta group of " + nodes
						+ " did not get a leader with all peers current within " + timeout + " (last /jsz "
						+ lastStatus + ")");
			}
			sleep();
		}
	}

	private static boolean isLeaderWithAllReplicasCurrent(NatsServer node, String metaCluster, int followers) {
		Matcher leader = LEADER.matcher(metaCluster);
		if (!leader.find() || !leader.group(1).equals(node.getName())) {
			return false;
		}
		Matcher current = CURRENT_REPLICA.matcher(metaCluster);
		int currentReplicas = 0;
		while (current.find()) {
			currentReplicas++;
		}
		return currentReplicas >= followers;
	}

	static String metaCluster(String json) {
		int key = json.indexOf("\"meta_cluster\"");
		int start = (key >= 0) ? json.indexOf('{', key) : -1;
		if (start < 0) {
			return "";
		}
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return json.substring(start, i + 1);
			}
		}
		return json.substring(start);
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the JetStream meta group", ex);
		}
	}

}
