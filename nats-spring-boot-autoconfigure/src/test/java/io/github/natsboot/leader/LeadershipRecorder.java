package io.github.natsboot.leader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEventPublisher;

import static org.awaitility.Awaitility.await;

/**
 * Records the leadership events of several candidates with the time they were handled,
 * and checks that no two terms overlapped.
 */
final class LeadershipRecorder implements ApplicationEventPublisher {

	private final List<Recorded> events = new CopyOnWriteArrayList<>();

	@Override
	public void publishEvent(Object event) {
		if (event instanceof LeadershipEvent leadership) {
			this.events.add(new Recorded(leadership, System.nanoTime()));
		}
	}

	List<Recorded> events() {
		return List.copyOf(this.events);
	}

	Recorded awaitGrantAfter(long nanos) {
		await().atMost(Duration.ofSeconds(10)).until(() -> firstGrantAfter(nanos).isPresent());
		return firstGrantAfter(nanos).orElseThrow();
	}

	Recorded awaitRevocationOf(String nodeId, long afterNanos) {
		await().atMost(Duration.ofSeconds(10)).until(() -> firstRevocationOf(nodeId, afterNanos).isPresent());
		return firstRevocationOf(nodeId, afterNanos).orElseThrow();
	}

	Optional<Recorded> firstGrantAfter(long nanos) {
		return this.events.stream()
			.filter((recorded) -> recorded.event() instanceof LeadershipGrantedEvent && recorded.nanos() > nanos)
			.findFirst();
	}

	Optional<Recorded> firstRevocationOf(String nodeId, long afterNanos) {
		return this.events.stream()
			.filter((recorded) -> recorded.event() instanceof LeadershipRevokedEvent
					&& recorded.event().getNodeId().equals(nodeId) && recorded.nanos() > afterNanos)
			.findFirst();
	}

	long grants() {
		return this.events.stream().filter((recorded) -> recorded.event() instanceof LeadershipGrantedEvent).count();
	}

	/**
	 * Return the terms that began while another was still running, judged by when the
	 * events were handled.
	 */
	List<String> overlaps() {
		List<String> overlaps = new ArrayList<>();
		String leader = null;
		List<Recorded> inOrder = new ArrayList<>(this.events);
		inOrder.sort(Comparator.comparingLong(Recorded::nanos));
		for (Recorded recorded : inOrder) {
			LeadershipEvent event = recorded.event();
			if (event instanceof LeadershipGrantedEvent) {
				if (leader != null) {
					overlaps.add(event.getNodeId() + " granted token " + event.getFencingToken() + " while " + leader
							+ " still led");
				}
				leader = event.getNodeId();
			}
			else if (event.getNodeId().equals(leader)) {
				leader = null;
			}
		}
		return overlaps;
	}

	record Recorded(LeadershipEvent event, long nanos) {

	}

}
