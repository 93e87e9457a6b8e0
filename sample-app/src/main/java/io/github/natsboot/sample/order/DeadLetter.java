package io.github.natsboot.sample.order;

import java.time.Instant;

/**
 * An order the workers gave up on, as listed by {@code GET /api/orders/dlq}.
 *
 * @param sequence its sequence in the {@value Orders#DEAD_LETTER_STREAM} stream
 * @param deadLetteredAt when it was dead-lettered
 * @param subject the subject it was published to
 * @param reason why it was dead-lettered: {@code max-deliveries} or
 * {@code not-convertible}
 * @param error the last error
 * @param deliveries how many times it was delivered
 * @param payload the order as it was published
 */
public record DeadLetter(long sequence, Instant deadLetteredAt, String subject, String reason, String error,
		Long deliveries, String payload) {

}
