package io.github.natsboot.health;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.natsboot.core.JetStreamApiErrorCodes;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.support.NatsKeyValueUtil;
import io.nats.client.support.NatsObjectStoreUtil;

/**
 * Checks that the JetStream account answers and that each expected stream, consumer,
 * key-value bucket and object store exists, one JetStream API request each. Stops when its deadline has
 * passed.
 */
final class JetStreamCheck {

	static final String PRESENT = "present";

	static final String MISSING = "missing";

	private final JetStreamManagement management;

	private final long deadlineNanos;

	/**
	 * Create a check.
	 * @param management the JetStream management context, with a request timeout no
	 * longer than the health check's
	 * @param deadlineNanos the {@link System#nanoTime()} after which no request is sent
	 */
	JetStreamCheck(JetStreamManagement management, long deadlineNanos) {
		this.management = management;
		this.deadlineNanos = deadlineNanos;
	}

	/**
	 * Check the account and the expected streams, consumers and buckets.
	 * @param expectations what the application needs
	 * @return the findings: unhealthy when something expected is missing or cannot be
	 * looked up, or when the account does not answer and JetStream is required
	 */
	HealthFindings check(JetStreamExpectations expectations) {
		Map<String, Object> details = new LinkedHashMap<>();
		try {
			this.management.getAccountStatistics();
			details.put("account", "reachable");
		}
		catch (IOException | JetStreamApiException ex) {
			details.put("account", "unreachable: " + ex.getMessage());
			return new HealthFindings(!expectations.required(), details);
		}
		boolean healthy = putPresence(details, "streams", expectations.streams(), this::streamPresence);
		healthy &= putPresence(details, "consumers", expectations.consumers(), this::consumerPresence);
		healthy &= putPresence(details, "buckets", expectations.buckets(), this::bucketPresence);
		healthy &= putPresence(details, "objectStores", expectations.objectStores(), this::objectStorePresence);
		return new HealthFindings(healthy, details);
	}

	private <T> boolean putPresence(Map<String, Object> details, String key, Collection<T> items,
			Function<T, String> presence) {
		if (items.isEmpty()) {
			return true;
		}
		Map<String, String> found = new LinkedHashMap<>();
		boolean healthy = true;
		for (T item : items) {
			if (System.nanoTime() - this.deadlineNanos > 0) {
				return false;
			}
			String state = presence.apply(item);
			found.put(item.toString(), state);
			healthy &= PRESENT.equals(state);
		}
		details.put(key, found);
		return healthy;
	}

	private String streamPresence(String stream) {
		return lookup(() -> this.management.getStreamInfo(stream));
	}

	private String consumerPresence(JetStreamExpectations.StreamConsumer consumer) {
		return lookup(() -> this.management.getConsumerInfo(consumer.stream(), consumer.durable()));
	}

	private String bucketPresence(String bucket) {
		return lookup(() -> this.management.getStreamInfo(NatsKeyValueUtil.toStreamName(bucket)));
	}

	private String objectStorePresence(String bucket) {
		return lookup(() -> this.management.getStreamInfo(NatsObjectStoreUtil.toStreamName(bucket)));
	}

	private static String lookup(Lookup lookup) {
		try {
			lookup.run();
			return PRESENT;
		}
		catch (JetStreamApiException ex) {
			int code = ex.getApiErrorCode();
			boolean notFound = code == JetStreamApiErrorCodes.STREAM_NOT_FOUND
					|| code == JetStreamApiErrorCodes.CONSUMER_NOT_FOUND;
			return notFound ? MISSING : "unknown: " + ex.getMessage();
		}
		catch (IOException ex) {
			return "unknown: " + ex.getMessage();
		}
	}

	@FunctionalInterface
	private interface Lookup {

		void run() throws IOException, JetStreamApiException;

	}

}
