package io.github.natsboot.health;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.ServerInfo;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The part of the health check that asks the server: the round-trip time, then the
 * JetStream account and the expected streams, consumers and buckets. It runs on a
 * thread of its own and is given up after the timeout, so that a stalled server cannot
 * hold the health endpoint; the requests it sends are bounded by the same timeout.
 */
final class ServerCheck {

	private final Connection connection;

	private final Duration timeout;

	private final SimpleAsyncTaskExecutor executor;

	ServerCheck(Connection connection, Duration timeout) {
		this.connection = connection;
		this.timeout = timeout;
		this.executor = new SimpleAsyncTaskExecutor("nats-health-");
		this.executor.setDaemon(true);
	}

	/**
	 * Ask the server, within the timeout.
	 * @param expectations what the application needs from JetStream
	 * @return the findings: unhealthy when the server did not answer in time or something
	 * expected is missing
	 */
	HealthFindings check(JetStreamExpectations expectations) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		CompletableFuture<HealthFindings> findings = CompletableFuture.supplyAsync(() -> ask(expectations, deadline),
				this.executor);
		try {
			return findings.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return HealthFindings.down("error", "No answer from the server within " + this.timeout.toMillis() + "ms");
		}
		catch (ExecutionException ex) {
			return HealthFindings.down("error", String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return HealthFindings.down("error", "Interrupted while waiting for the server");
		}
	}

	private HealthFindings ask(JetStreamExpectations expectations, long deadline) {
		Map<String, Object> details = new LinkedHashMap<>();
		try {
			details.put("rttMillis", toMillis(this.connection.RTT()));
		}
		catch (IOException ex) {
			details.put("error", "Ping failed: " + ex.getMessage());
			return new HealthFindings(false, details);
		}
		ServerInfo server = this.connection.getServerInfo();
		boolean advertised = server != null && server.isJetStreamAvailable();
		if (!advertised && !expectations.required()) {
			return new HealthFindings(true, details);
		}
		HealthFindings jetStream = new JetStreamCheck(jetStreamManagement(), deadline).check(expectations);
		details.put("jetStream", jetStream.details());
		return new HealthFindings(jetStream.healthy(), details);
	}

	private JetStreamManagement jetStreamManagement() {
		try {
			return this.connection.jetStreamManagement(JetStreamOptions.builder().requestTimeout(this.timeout).build());
		}
		catch (IOException ex) {
			throw new IllegalStateException("JetStream management is not available: " + ex.getMessage(), ex);
		}
	}

	private static double toMillis(Duration duration) {
		return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
	}

}
