package io.github.natsboot.health;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.natsboot.listener.NatsListenerContainer;

/**
 * Reports the state of each listener container: {@code running}, {@code paused} or
 * {@code stopped} when it is where it was last asked to be (a container stopped or
 * paused on purpose is healthy), and unhealthy when its last start failed or it runs
 * but lost its subscriptions or pulls.
 *
 * @see NatsListenerContainer#isInExpectedState()
 */
final class ListenerStates {

	static final String RUNNING = "running";

	static final String PAUSED = "paused";

	static final String STOPPED = "stopped";

	static final String NOT_RECEIVING = "down: not receiving messages";

	static final String START_FAILED = "down: failed to start";

	private ListenerStates() {
	}

	static HealthFindings of(Collection<? extends NatsListenerContainer> containers) {
		Map<String, Object> states = new LinkedHashMap<>();
		boolean healthy = true;
		for (NatsListenerContainer container : containers) {
			boolean expected = container.isInExpectedState();
			healthy &= expected;
			states.put(container.getListenerId(), state(container, expected));
		}
		return new HealthFindings(healthy, states);
	}

	private static String state(NatsListenerContainer container, boolean expected) {
		boolean running = container.isRunning();
		if (!expected) {
			return running ? NOT_RECEIVING : START_FAILED;
		}
		if (!running) {
			return STOPPED;
		}
		return container.isPaused() ? PAUSED : RUNNING;
	}

}
