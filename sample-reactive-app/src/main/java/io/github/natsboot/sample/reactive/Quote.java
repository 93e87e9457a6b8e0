package io.github.natsboot.sample.reactive;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The price of a symbol at a point in time: a worker's answer and a tick.
 *
 * @param symbol the symbol
 * @param price the price of one unit
 * @param quotedAt when the price was set
 */
public record Quote(String symbol, BigDecimal price, Instant quotedAt) {

}
