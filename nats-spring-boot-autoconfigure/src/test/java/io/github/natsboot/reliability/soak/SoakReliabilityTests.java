package io.github.natsboot.reliability.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsboot.test.NatsCluster;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak and chaos: two application instances, each in its own JVM, on a three-node
 * cluster with a stream and the leader-election bucket replicated on all three, under
 * continuous JetStream and request/reply load, while a fault strikes every
 * {@value #FAULT_INTERVAL_SECONDS} seconds in a seeded random order: a node killed with
 * {@code kill -9} and restarted, the node of the current leader frozen with
 * {@code SIGSTOP} past the lease and thawed, an instance stopped with {@code SIGTERM} and
 * started again. Runs only when {@code -Dnatsboot.soak=true} (Maven profile
 * {@code soak}); {@code -Dnatsboot.soak.minutes} sets how long faults strike (default 3).
 * <p>
 * Nothing acknowledged may be lost, and never may two instances lead at once: checked
 * from every instance's own journal, with fencing tokens that only grow.
 */
@EnabledIfSystemProperty(named = "natsboot.soak", matches = "true")
class SoakReliabilityTests {

	static final int FAULT_INTERVAL_SECONDS = 20;

	private static final Duration LEASE_TTL = Duration.ofSeconds(4);

	private static final long SEED = Long.getLong("natsboot.soak.seed", 19L);

	private final Map<String, Process> instances = new ConcurrentHashMap<>();

	private final Map<String, Integer> generations = new ConcurrentHashMap<>();

	private final AtomicBoolean loading = new AtomicBoolean(true);

	private final Set<String> acked = ConcurrentHashMap.newKeySet();

	private final AtomicInteger published = new AtomicInteger();

	private final AtomicInteger publishRetries = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger answered = new AtomicInteger();

	private final AtomicInteger unanswered = new AtomicInteger();

	private final AtomicInteger wrongAnswers = new AtomicInteger();

	private final AtomicLong longestRequestGap = new AtomicLong();

	private final List<String> leaseSequenceRegressions = Collections.synchronizedList(new ArrayList<>());

	private Path directory;

	@Test
	void underFaultsInRandomOrderNothingAcknowledgedIsLostAndNeverDoTwoInstancesLead() throws Exception {
		Duration faultPhase = Duration.ofMinutes(Long.getLong("natsboot.soak.minutes", 3));
		this.directory = Files.createDirectories(Path.of("target", "soak", Long.toString(System.currentTimeMillis())));
		try (NatsCluster cluster = NatsCluster.builder().nodes(3).start()) {
			try (Connection driver = Nats.connect(driverOptions(cluster))) {
				provision(driver);
				try {
					startInstance("a", cluster);
					startInstance("b", cluster);
					awaitReady("a-1", "b-1");
					JetStream jetStream = driver.jetStream();
					Thread producer = start("soak-producer", () -> produce(jetStream));
					Thread requester = start("soak-requester", () -> request(driver));
					start("soak-lease-monitor", () -> watchLeaseSequence(driver));
					Thread.sleep(5000);
					long faultsFrom = System.currentTimeMillis();
					List<String> faults = strike(cluster, driver.jetStreamManagement(), faultPhase);
					long faultsTo = System.currentTimeMillis();
					this.loading.set(false);
					producer.join(TimeUnit.SECONDS.toMillis(90));
					requester.join(TimeUnit.SECONDS.toMillis(30));
					long settleFrom = System.nanoTime();
					awaitProcessed(Duration.ofSeconds(90));
					long settledAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - settleFrom);
					stopAll();
					SoakJournals journals = SoakJournals.read(this.directory);
					Set<String> skippedByServer = diagnose(driver, journals);
					report(journals, skippedByServer, faults, faultsFrom, faultsTo, settledAfter);
				}
				finally {
					killAll();
				}
			}
		}
	}

	private void report(SoakJournals journals, Set<String> skippedByServer, List<String> faults, long faultsFrom,
			long faultsTo, long settledAfter) {
		Set<String> lost = new java.util.TreeSet<>(this.acked);
		lost.removeAll(journals.processedIds());
		Set<String> lostByTheStarter = new java.util.TreeSet<>(lost);
		lostByTheStarter.removeAll(skippedByServer);
		Map<String, Integer> faultCounts = new TreeMap<>();
		faults.forEach((fault) -> faultCounts.merge(fault.split(" ")[0], 1, Integer::sum));
		System.out.printf("RELIABILITY | soak: 2 instances on a 3-node cluster, %d faults in %d s %s | published %d / "
				+ "acked %d (%d publish retries) / processed %d / lost %d (%d skipped by the server's consumer "
				+ "state: never delivered to the listeners, yet below its ack floor) / duplicates %d / longest gap in processing "
				+ "%d ms, between answered requests %d ms / requests %d, answered %d, unanswered %d, wrong %d / "
				+ "settled %d ms after the load stopped / leader terms %d, most leaders at once %d, fencing tokens "
				+ "increasing %s, lease sequence regressions on the server %s%n", faults.size(), (faultsTo - faultsFrom) / 1000, faultCounts, this.published.get(),
				this.acked.size(), this.publishRetries.get(), journals.processedIds().size(), lost.size(),
				skippedByServer.size(),
				journals.duplicates(), journals.longestProcessingGap(faultsFrom, faultsTo),
				this.longestRequestGap.get(), this.requests.get(), this.answered.get(), this.unanswered.get(),
				this.wrongAnswers.get(), settledAfter, journals.terms().size(), journals.mostLeadersAtOnce(),
				journals.fencingTokensIncrease(), this.leaseSequenceRegressions);
		faults.forEach((fault) -> System.out.println("SOAK | fault | " + fault));
		journals.terms().forEach((term) -> System.out.println("SOAK | term | " + term));
		assertThat(lostByTheStarter).as("acknowledged messages never processed").isEmpty();
		assertThat(journals.mostLeadersAtOnce()).isLessThanOrEqualTo(1);
		assertThat(journals.fencingTokensIncrease() || !this.leaseSequenceRegressions.isEmpty())
			.as("fencing tokens increase, unless the server lost lease writes it had acknowledged")
			.isTrue();
		assertThat(journals.terms()).hasSizeGreaterThan(1);
		assertThat(this.wrongAnswers).hasValue(0);
		assertThat(this.answered.get()).isGreaterThan(this.requests.get() / 2);
		assertThat(faultCounts).containsOnlyKeys("kill-node", "freeze-leader-node", "restart-instance");
	}

	/**
	 * Print the state of the stream, the consumer and the lease bucket, and tell which of
	 * the acknowledged messages no instance processed the server's consumer skipped: no
	 * instance terminated them (no dead letter) or acknowledged them (an instance records
	 * a message before it acknowledges it), yet the consumer has nothing pending and its
	 * ack floor is past them, so it will never deliver them again. nats-server 2.9 can
	 * lose a consumer's record of a delivered message when its leader is killed.
	 * @return the messages the server skipped
	 */
	private Set<String> diagnose(Connection driver, SoakJournals journals) throws Exception {
		JetStreamManagement management = driver.jetStreamManagement();
		io.nats.client.api.ConsumerInfo consumer = management.getConsumerInfo("SOAK", "soak-orders");
		long deadLetters = management.getStreamInfo("DLQ").getStreamState().getMsgCount();
		System.out.println("SOAK | journals in " + this.directory.toAbsolutePath());
		System.out.println("SOAK | stream | " + management.getStreamInfo("SOAK").getStreamState());
		System.out.println("SOAK | consumer | " + consumer);
		System.out.println("SOAK | lease bucket | " + management.getStreamInfo("KV_leader-election").getStreamState());
		System.out.println("SOAK | dead letters | " + deadLetters);
		Set<String> lost = new java.util.TreeSet<>(this.acked);
		lost.removeAll(journals.processedIds());
		Set<String> skipped = new java.util.TreeSet<>();
		if (lost.isEmpty()) {
			return skipped;
		}
		long last = management.getStreamInfo("SOAK").getStreamState().getLastSequence();
		long ackFloor = consumer.getAckFloor().getStreamSequence();
		for (long sequence = 1; sequence <= last; sequence++) {
			String id = new String(management.getMessage("SOAK", sequence).getData(), StandardCharsets.UTF_8);
			if (lost.contains(id)) {
				boolean skippedByServer = deadLetters == 0 && consumer.getNumAckPending() == 0
						&& consumer.getNumPending() == 0 && sequence <= ackFloor;
				if (skippedByServer) {
					skipped.add(id);
				}
				System.out.println("SOAK | lost | " + id + " stream sequence " + sequence
						+ (skippedByServer ? ", skipped by the server's consumer" : ""));
			}
		}
		return skipped;
	}

	private List<String> strike(NatsCluster cluster, JetStreamManagement management, Duration faultPhase)
			throws Exception {
		Random random = new Random(SEED);
		List<String> kinds = new ArrayList<>();
		long count = Math.max(3, faultPhase.toSeconds() / FAULT_INTERVAL_SECONDS);
		for (int i = 0; i < count; i++) {
			kinds.add(List.of("kill-node", "freeze-leader-node", "restart-instance").get(i % 3));
		}
		Collections.shuffle(kinds, random);
		List<String> done = new ArrayList<>();
		long origin = System.nanoTime();
		long next = origin;
		for (String kind : kinds) {
			next += TimeUnit.SECONDS.toNanos(FAULT_INTERVAL_SECONDS);
			long caughtUp = awaitReplicasCurrent(management);
			long at = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - origin);
			String what = switch (kind) {
				case "kill-node" -> killNode(cluster.node(random.nextInt(3)));
				case "freeze-leader-node" -> freezeLeaderNode(cluster);
				default -> restartInstance(random.nextBoolean() ? "a" : "b", cluster);
			};
			done.add(kind + " " + what + " at +" + at + " s (replicas current " + caughtUp + " ms before)");
			long wait = TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime());
			if (wait > 0) {
				Thread.sleep(wait);
			}
		}
		return done;
	}

	/**
	 * Wait until every replica of the stream and of the lease bucket is current, so that
	 * the next fault never strikes a cluster that is still recovering from the last one:
	 * a second fault while a replica catches up is beyond what a three-node cluster
	 * tolerates.
	 * @return how long it took, in milliseconds
	 */
	private static long awaitReplicasCurrent(JetStreamManagement management) {
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			try {
				if (replicasCurrent(management, "SOAK") && replicasCurrent(management, "KV_leader-election")) {
					break;
				}
			}
			catch (Exception ex) {
				// not answered yet: the cluster is still recovering
			}
			sleep(200);
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static boolean replicasCurrent(JetStreamManagement management, String stream) throws Exception {
		io.nats.client.api.ClusterInfo cluster = management.getStreamInfo(stream).getClusterInfo();
		return cluster != null && cluster.getLeader() != null && cluster.getReplicas() != null
				&& cluster.getReplicas().size() == 2
				&& cluster.getReplicas().stream().allMatch(io.nats.client.api.Replica::isCurrent);
	}

	/**
	 * Record each time the lease bucket's last sequence, which fencing tokens are made
	 * of, goes backwards on the server: the server then lost writes it had acknowledged.
	 */
	private void watchLeaseSequence(Connection connection) {
		long highest = 0;
		long previous = 0;
		while (this.loading.get()) {
			try {
				long last = connection.jetStreamManagement()
					.getStreamInfo("KV_leader-election")
					.getStreamState()
					.getLastSequence();
				if (last < highest && last != previous) {
					this.leaseSequenceRegressions.add(highest + " -> " + last + " at " + System.currentTimeMillis());
				}
				highest = Math.max(highest, last);
				previous = last;
			}
			catch (Exception ex) {
				// not answered during a fault
			}
			sleep(100);
		}
	}

	private static String killNode(NatsServer node) throws InterruptedException {
		node.kill();
		Thread.sleep(3000);
		node.restart();
		return node.getName();
	}

	private String freezeLeaderNode(NatsCluster cluster) throws Exception {
		SoakJournals journals = SoakJournals.read(this.directory);
		String leader = journals.currentLeader();
		String url = (leader != null) ? journals.lastConnectedUrl(leader) : null;
		NatsServer node = cluster.getNodes()
			.stream()
			.filter((server) -> url != null && url.endsWith(":" + server.getPort()))
			.findFirst()
			.orElse(cluster.node(0));
		node.pause();
		Thread.sleep(LEASE_TTL.plusSeconds(2).toMillis());
		node.resume();
		return node.getName() + " (leader " + leader + ")";
	}

	private String restartInstance(String name, NatsCluster cluster) throws Exception {
		String instance = name + "-" + this.generations.get(name);
		Process process = this.instances.get(name);
		process.destroy();
		boolean exited = process.waitFor(60, TimeUnit.SECONDS);
		assertThat(exited).as("%s stopped after SIGTERM", instance).isTrue();
		startInstance(name, cluster);
		awaitReady(name + "-" + this.generations.get(name));
		return instance + " (exit " + process.exitValue() + ")";
	}

	private void startInstance(String name, NatsCluster cluster) throws IOException {
		int generation = this.generations.merge(name, 1, Integer::sum);
		String instance = name + "-" + generation;
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), SoakApplication.class.getName(),
				"--soak.journal=" + this.directory.resolve(instance + ".journal"), "--nats.servers=" + cluster.getUrls(),
				"--nats.connection-name=soak-" + instance, "--nats.reconnect.wait=100ms", "--nats.ping-interval=1s",
				"--nats.max-pings-out=2", "--nats.drain-timeout=10s", "--nats.listener.stop-timeout=10s",
				"--nats.leader.enabled=true", "--nats.leader.group=soak", "--nats.leader.node-id=" + instance,
				"--nats.leader.ttl=" + LEASE_TTL.toSeconds() + "s", "--nats.leader.retry-interval=500ms",
				"--logging.level.root=WARN", "--logging.level.io.github.natsboot=INFO");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve(instance + ".log").toFile())
			.start();
		this.instances.put(name, process);
	}

	private void awaitReady(String... instances) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		for (String instance : instances) {
			Path journal = this.directory.resolve(instance + ".journal");
			while (!Files.exists(journal) || !Files.readString(journal, StandardCharsets.UTF_8).contains("READY")) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(instance + " did not start: " + Files
						.readString(this.directory.resolve(instance + ".log"), StandardCharsets.UTF_8));
				}
				Thread.sleep(200);
			}
		}
	}

	private void produce(JetStream jetStream) {
		int i = 0;
		while (this.loading.get()) {
			String id = "m-" + i++;
			this.published.incrementAndGet();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (true) {
				try {
					jetStream.publish("soak.orders", id.getBytes(StandardCharsets.UTF_8),
							PublishOptions.builder().messageId(id).build());
					this.acked.add(id);
					break;
				}
				catch (Exception ex) {
					this.publishRetries.incrementAndGet();
					if (System.nanoTime() > deadline) {
						break;
					}
					sleep(100);
				}
			}
			sleep(10);
		}
	}

	private void request(Connection connection) {
		long lastAnswer = System.nanoTime();
		int i = 0;
		while (this.loading.get()) {
			String id = "q-" + i++;
			this.requests.incrementAndGet();
			try {
				Message reply = connection.request("soak.quote", id.getBytes(StandardCharsets.UTF_8),
						Duration.ofSeconds(2));
				if (reply == null) {
					this.unanswered.incrementAndGet();
				}
				else if (new String(reply.getData(), StandardCharsets.UTF_8).equals(id)) {
					this.answered.incrementAndGet();
					long now = System.nanoTime();
					this.longestRequestGap.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(now - lastAnswer), Math::max);
					lastAnswer = now;
				}
				else {
					this.wrongAnswers.incrementAndGet();
				}
			}
			catch (Exception ex) {
				this.unanswered.incrementAndGet();
				sleep(100);
			}
			sleep(20);
		}
	}

	private void awaitProcessed(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (SoakJournals.read(this.directory).processedIds().containsAll(this.acked)) {
				return;
			}
			Thread.sleep(500);
		}
	}

	private void stopAll() throws InterruptedException {
		for (Process process : this.instances.values()) {
			process.destroy();
		}
		for (Process process : this.instances.values()) {
			process.waitFor(60, TimeUnit.SECONDS);
		}
	}

	private void killAll() {
		this.instances.values().forEach(Process::destroyForcibly);
	}

	private static void provision(Connection connection) throws Exception {
		JetStreamManagement management = connection.jetStreamManagement();
		connection.keyValueManagement()
			.create(KeyValueConfiguration.builder()
				.name("leader-election")
				.ttl(LEASE_TTL)
				.maxHistoryPerKey(1)
				.storageType(StorageType.File)
				.replicas(3)
				.build());
		management.addStream(StreamConfiguration.builder()
			.name("SOAK")
			.subjects("soak.orders")
			.storageType(StorageType.File)
			.replicas(3)
			.build());
		management.addStream(StreamConfiguration.builder()
			.name("DLQ")
			.subjects("dlq.>")
			.storageType(StorageType.File)
			.replicas(3)
			.build());
	}

	private static Options driverOptions(NatsCluster cluster) {
		return new Options.Builder().servers(cluster.getUrlList().toArray(String[]::new))
			.maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(100))
			.pingInterval(Duration.ofSeconds(1))
			.maxPingsOut(2)
			.build();
	}

	private static Thread start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
