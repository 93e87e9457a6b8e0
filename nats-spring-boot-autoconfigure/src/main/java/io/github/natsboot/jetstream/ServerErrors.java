package io.github.natsboot.jetstream;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.natsboot.core.JetStreamApiErrorCodes;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.nats.client.JetStreamApiException;

/**
 * Names the setting a JetStream API error is about, from its error code and, for the
 * generic codes, its description (checked in order: the first phrase found names the
 * setting, so "duplicates window can not be larger then max age" is about the duplicate
 * window).
 */
final class ServerErrors {

	static final int CONSUMER_NOT_FOUND = JetStreamApiErrorCodes.CONSUMER_NOT_FOUND;

	static final int STREAM_NOT_FOUND = JetStreamApiErrorCodes.STREAM_NOT_FOUND;

	static final int STREAM_NAME_IN_USE = JetStreamApiErrorCodes.STREAM_NAME_IN_USE;

	static final int SUBJECTS_OVERLAP = JetStreamApiErrorCodes.SUBJECTS_OVERLAP;

	private static final Map<Integer, String> STREAM_FIELDS = Map.of(SUBJECTS_OVERLAP, "subjects", 10074, "replicas",
			10023, "replicas", 10047, "max-bytes", 10054, "max-msg-size", 10061, "replicas");

	private static final Map<Integer, String> CONSUMER_FIELDS = Map.of(10116, "backoff", 10093, "filter-subjects",
			10099, "filter-subjects", 10100, "filter-subjects", 10084, "ack-policy", 10098, "ack-policy");

	private static final List<Map.Entry<String, String>> DESCRIPTION_FIELDS = List.of(Map.entry("storage type", "storage"),
			Map.entry("retention", "retention"), Map.entry("duplicates window", "duplicate-window"),
			Map.entry("max age", "max-age"), Map.entry("replicas", "replicas"), Map.entry("subjects", "subjects"),
			Map.entry("deliver policy", "deliver-policy"), Map.entry("ack policy", "ack-policy"),
			Map.entry("replay policy", "replay-policy"), Map.entry("start sequence", "opt-start-seq"),
			Map.entry("start time", "opt-start-time"), Map.entry("backoff", "backoff"),
			Map.entry("max deliver", "max-deliver"), Map.entry("ack wait", "ack-wait"),
			Map.entry("max ack pending", "max-ack-pending"), Map.entry("filter subject", "filter-subjects"),
			Map.entry("description", "description"), Map.entry("max bytes", "max-bytes"),
			Map.entry("max message size", "max-msg-size"), Map.entry("history", "history"));

	private ServerErrors() {
	}

	/**
	 * Turn a rejection into a problem naming the setting when the error tells it.
	 * @param definition what was being created or updated
	 * @param ex the rejection
	 * @param detail more about the rejection, appended to the reason, or {@code null}
	 * @return the problem
	 */
	static Problem toProblem(JetStreamDefinition definition, JetStreamApiException ex, String detail) {
		String field = field(definition, ex);
		String property = (field != null) ? definition.getPath() + "." + field : definition.getPath();
		String reason = "rejected by the server for " + definition.describe() + ": " + ex.getErrorDescription()
				+ " (JetStream error " + ex.getApiErrorCode() + ")" + ((detail != null) ? "; " + detail : "");
		return new Problem(property, reason);
	}

	private static String field(JetStreamDefinition definition, JetStreamApiException ex) {
		Map<Integer, String> byCode = (definition instanceof ConsumerDefinition) ? CONSUMER_FIELDS : STREAM_FIELDS;
		String field = byCode.get(ex.getApiErrorCode());
		if (field == null) {
			field = fromDescription(ex.getErrorDescription());
		}
		if (definition instanceof KeyValueDefinition || definition instanceof ObjectStoreDefinition) {
			return keyValueField(field);
		}
		return field;
	}

	private static String fromDescription(String description) {
		if (description == null) {
			return null;
		}
		String text = description.toLowerCase(Locale.ROOT);
		return DESCRIPTION_FIELDS.stream()
			.filter((entry) -> text.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String keyValueField(String field) {
		if (field == null) {
			return null;
		}
		return switch (field) {
			case "max-age", "duplicate-window" -> "ttl";
			case "storage", "replicas", "max-bytes", "description", "history" -> field;
			default -> null;
		};
	}

}
