package io.github.natsboot.sample.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order a worker processed, kept in the {@value Orders#PROCESSED_BUCKET} bucket.
 *
 * @param id the order id
 * @param item the item
 * @param quantity how many
 * @param total the amount charged
 * @param worker the id of the worker instance that processed it
 * @param processedAt when it was processed
 */
public record ProcessedOrder(String id, String item, int quantity, BigDecimal total, String worker,
		Instant processedAt) {

}
