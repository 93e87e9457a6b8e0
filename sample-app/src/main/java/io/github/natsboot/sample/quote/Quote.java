package io.github.natsboot.sample.quote;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A worker's answer to a {@link QuoteRequest}.
 *
 * @param symbol the item
 * @param quantity how many
 * @param unitPrice the price of one
 * @param total the price of the quantity
 * @param worker the id of the worker instance that answered
 * @param quotedAt when the worker answered
 */
public record Quote(String symbol, int quantity, BigDecimal unitPrice, BigDecimal total, String worker,
		Instant quotedAt) {

}
