package io.github.natsboot.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.natsboot.core.NatsPermissionViolation;
import io.github.natsboot.core.NatsPermissionViolationListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Attributes the subscriptions the server refuses to the {@link NatsListener} that made
 * them: logs an error naming the listener and the subject, and counts the violations per
 * listener. A refused subscription does not fail the container or the connection (NATS
 * reports it asynchronously and keeps the connection open); the listener simply receives
 * nothing on that subject, so this is where it becomes visible.
 */
public class NatsListenerPermissionViolations implements NatsPermissionViolationListener {

	private static final Log logger = LogFactory.getLog(NatsListenerPermissionViolations.class);

	private final NatsListenerEndpointRegistry registry;

	private final Map<String, LongAdder> violations = new ConcurrentHashMap<>();

	/**
	 * Create an instance that looks listeners up in the given registry.
	 * @param registry the registry of the listener containers
	 */
	public NatsListenerPermissionViolations(NatsListenerEndpointRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onViolation(NatsPermissionViolation violation) {
		if (violation.operation() != NatsPermissionViolation.Operation.SUBSCRIBE) {
			return;
		}
		for (String listenerId : listenersSubscribedTo(violation)) {
			this.violations.computeIfAbsent(listenerId, (id) -> new LongAdder()).increment();
			logger.error("@NatsListener '" + listenerId + "' receives nothing from '" + violation.subject()
					+ "': the server refused its subscription (" + violation.error()
					+ "); grant the connection's user permission to subscribe to it");
		}
	}

	private List<String> listenersSubscribedTo(NatsPermissionViolation violation) {
		List<String> ids = new ArrayList<>();
		for (String id : this.registry.getListenerContainerIds()) {
			NatsListenerEndpoint endpoint = this.registry.getListenerEndpoint(id);
			if (endpoint != null && endpoint.getJetStream() == null
					&& endpoint.getSubjects().contains(violation.subject())
					&& (violation.queue() == null || violation.queue().equals(endpoint.getQueue())
							|| (endpoint.getQueue() == null && violation.queue().startsWith("_natsboot.")))) {
				ids.add(id);
			}
		}
		return ids;
	}

	/**
	 * Subscriptions of a listener the server refused.
	 * @param listenerId the listener id
	 * @return the number of subscription permission violations of that listener
	 */
	public long getViolationCount(String listenerId) {
		LongAdder count = this.violations.get(listenerId);
		return (count != null) ? count.sum() : 0;
	}

}
