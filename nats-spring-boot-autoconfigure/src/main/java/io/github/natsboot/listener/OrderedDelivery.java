package io.github.natsboot.listener;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;

/**
 * Where the ordered consumer of an ordered {@link NatsListener} starts in its stream:
 * the {@link NatsListener#deliver() deliver} attribute, parsed once when the listener is
 * registered.
 *
 * @param policy the deliver policy
 * @param startSequence the first stream sequence to deliver, for
 * {@link DeliverPolicy#ByStartSequence}, else {@code 0}
 * @param startTime the time from which messages are delivered, for
 * {@link DeliverPolicy#ByStartTime}, else {@code null}
 */
public record OrderedDelivery(DeliverPolicy policy, long startSequence, ZonedDateTime startTime) {

	/**
	 * Every message of the stream, from the first one: the default.
	 */
	public static final OrderedDelivery ALL = new OrderedDelivery(DeliverPolicy.All, 0, null);

	private static final String SEQUENCE_PREFIX = "sequence:";

	private static final String TIME_PREFIX = "time:";

	/**
	 * Parse a {@link NatsListener#deliver() deliver} attribute: {@code all},
	 * {@code new}, {@code last}, {@code last-per-subject}, a start sequence
	 * ({@code 42} or {@code sequence:42}) or an ISO-8601 start time with an offset
	 * ({@code 2026-01-01T00:00:00Z} or {@code time:2026-01-01T00:00:00Z}). Case and
	 * surrounding blanks do not matter; an empty value means {@code all}.
	 * @param value the attribute value
	 * @return the delivery
	 * @throws IllegalArgumentException if the value is none of those
	 */
	public static OrderedDelivery parse(String value) {
		String option = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
		switch (option) {
			case "", "all":
				return ALL;
			case "new":
				return new OrderedDelivery(DeliverPolicy.New, 0, null);
			case "last":
				return new OrderedDelivery(DeliverPolicy.Last, 0, null);
			case "last-per-subject":
				return new OrderedDelivery(DeliverPolicy.LastPerSubject, 0, null);
			default:
				return parseStart(value.trim(), option);
		}
	}

	private static OrderedDelivery parseStart(String value, String option) {
		if (option.startsWith(SEQUENCE_PREFIX)) {
			return fromSequence(parseSequence(value, value.substring(SEQUENCE_PREFIX.length()).trim()));
		}
		if (!option.isEmpty() && option.chars().allMatch(Character::isDigit)) {
			return fromSequence(parseSequence(value, option));
		}
		String time = option.startsWith(TIME_PREFIX) ? value.substring(TIME_PREFIX.length()).trim() : value;
		try {
			ZonedDateTime startTime = OffsetDateTime.parse(time).atZoneSameInstant(ZoneOffset.UTC);
			return new OrderedDelivery(DeliverPolicy.ByStartTime, 0, startTime);
		}
		catch (DateTimeParseException ex) {
			throw invalid(value);
		}
	}

	private static long parseSequence(String value, String sequence) {
		try {
			long parsed = Long.parseLong(sequence);
			if (parsed >= 1) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("deliver '" + value + "' is not a start sequence: stream sequences "
				+ "start at 1 (use 42 or sequence:42)");
	}

	private static IllegalArgumentException invalid(String value) {
		return new IllegalArgumentException("deliver must be all, new, last, last-per-subject, a start sequence "
				+ "(42 or sequence:42) or an ISO-8601 start time with an offset (2026-01-01T00:00:00Z or "
				+ "time:2026-01-01T00:00:00Z), was '" + value + "'");
	}

	/**
	 * A delivery that starts at the given stream sequence.
	 * @param sequence the first stream sequence to deliver, at least 1
	 * @return the delivery
	 */
	public static OrderedDelivery fromSequence(long sequence) {
		return new OrderedDelivery(DeliverPolicy.ByStartSequence, sequence, null);
	}

	/**
	 * The configuration of a jnats ordered consumer that starts here and delivers the
	 * given subjects.
	 * @param subjects the subjects to filter on, empty for the whole stream
	 * @return the configuration
	 */
	OrderedConsumerConfiguration configuration(List<String> subjects) {
		OrderedConsumerConfiguration configuration = new OrderedConsumerConfiguration().deliverPolicy(this.policy);
		if (!subjects.isEmpty()) {
			configuration.filterSubjects(subjects);
		}
		if (this.policy == DeliverPolicy.ByStartSequence) {
			configuration.startSequence(this.startSequence);
		}
		if (this.policy == DeliverPolicy.ByStartTime) {
			configuration.startTime(this.startTime);
		}
		return configuration;
	}

	@Override
	public String toString() {
		return switch (this.policy) {
			case ByStartSequence -> SEQUENCE_PREFIX + this.startSequence;
			case ByStartTime -> TIME_PREFIX + this.startTime.toOffsetDateTime();
			case LastPerSubject -> "last-per-subject";
			default -> this.policy.name().toLowerCase(Locale.ROOT);
		};
	}

}
