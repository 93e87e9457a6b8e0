package io.github.natsboot.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.util.StringUtils;

/**
 * Reads the {@link NatsListener#ordered() ordered} and {@link NatsListener#deliver()
 * deliver} attributes of a listener, once, and rejects the attributes an ordered listener
 * cannot have, with an error that names them.
 */
final class OrderedListenerAttributes {

	private OrderedListenerAttributes() {
	}

	/**
	 * Parse the resolved {@code ordered} and {@code deliver} attributes.
	 * @param listener the listener, as error messages name it
	 * @param ordered the resolved {@code ordered} attribute
	 * @param deliver the resolved {@code deliver} attribute
	 * @return where the ordered consumer starts, or {@code null} for a listener that is
	 * not ordered
	 * @throws IllegalStateException if either attribute is invalid, or {@code deliver} is
	 * set on a listener that is not ordered
	 */
	static OrderedDelivery delivery(String listener, String ordered, String deliver) {
		String flag = (ordered != null) ? ordered.trim().toLowerCase(Locale.ROOT) : "false";
		if (!flag.equals("true") && !flag.equals("false")) {
			throw new IllegalStateException(
					"@NatsListener " + listener + ": ordered must be true or false, was '" + ordered + "'");
		}
		if (flag.equals("false")) {
			if (StringUtils.hasText(deliver)) {
				throw new IllegalStateException("@NatsListener " + listener + ": deliver '" + deliver
						+ "' applies to ordered listeners only: set ordered = \"true\" or remove deliver");
			}
			return null;
		}
		try {
			return OrderedDelivery.parse(deliver);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("@NatsListener " + listener + ": " + ex.getMessage());
		}
	}

	/**
	 * Reject the JetStream attributes of a durable consumer on an ordered listener.
	 * @param listener the listener, as error messages name it
	 * @param stream the resolved stream, empty for none
	 * @param consumer the resolved consumer, empty for none
	 * @param backoff the resolved backoff
	 * @param deadLetterSubject the resolved dead-letter subject, empty for none
	 * @param unreadablePayload the unreadable payload action
	 * @throws IllegalStateException if any of them is set
	 */
	static void checkBinding(String listener, String stream, String consumer, List<?> backoff,
			String deadLetterSubject, UnreadablePayloadAction unreadablePayload) {
		if (!StringUtils.hasText(stream)) {
			throw new IllegalStateException("@NatsListener " + listener
					+ " is ordered but names no stream: set the stream whose messages it receives");
		}
		List<String> conflicts = new ArrayList<>();
		if (StringUtils.hasText(consumer)) {
			conflicts.add("consumer");
		}
		if (!backoff.isEmpty()) {
			conflicts.add("backoff");
		}
		if (StringUtils.hasText(deadLetterSubject)) {
			conflicts.add("deadLetterSubject");
		}
		if (unreadablePayload != UnreadablePayloadAction.DEAD_LETTER) {
			conflicts.add("unreadablePayload");
		}
		reject(listener, conflicts);
	}

	/**
	 * Reject what an ordered listener cannot do: share messages in a queue group, process
	 * them in parallel, acknowledge them.
	 * @param listener the listener, as error messages name it
	 * @param queue the queue group, or {@code null}
	 * @param concurrency the concurrency
	 * @param adapter the adapter of the method
	 * @throws IllegalStateException if the listener does any of that
	 */
	static void checkEndpoint(String listener, String queue, int concurrency, NatsListenerAdapter adapter) {
		List<String> conflicts = new ArrayList<>();
		if (queue != null) {
			conflicts.add("queue");
		}
		reject(listener, conflicts);
		if (concurrency > 1) {
			throw new IllegalStateException("@NatsListener " + listener + " is ordered, so it processes one message "
					+ "at a time to keep the stream order: remove concurrency = \"" + concurrency + "\"");
		}
		if (adapter.acknowledgesManually()) {
			throw new IllegalStateException("@NatsListener " + listener + " is ordered, and ordered consumers are not "
					+ "acknowledged: remove its NatsAcknowledgment parameter");
		}
	}

	private static void reject(String listener, List<String> conflicts) {
		if (!conflicts.isEmpty()) {
			throw new IllegalStateException("@NatsListener " + listener + " is ordered, which cannot be combined with "
					+ String.join(", ", conflicts) + ": an ordered listener has a consumer of its own, is not "
					+ "acknowledged and every instance receives every message; remove "
					+ String.join(", ", conflicts) + ", or set ordered = \"false\"");
		}
	}

}
