package io.github.natsboot.health;

import java.util.Map;

/**
 * The outcome of one part of the NATS health check: whether that part is healthy, and
 * the details it reports.
 *
 * @param healthy whether the part is healthy
 * @param details the details, in the order they are reported
 */
record HealthFindings(boolean healthy, Map<String, Object> details) {

	static HealthFindings down(String key, Object value) {
		return new HealthFindings(false, Map.of(key, value));
	}

}
