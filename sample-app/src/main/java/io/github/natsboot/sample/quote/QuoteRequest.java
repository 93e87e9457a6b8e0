package io.github.natsboot.sample.quote;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * A request for the price of a quantity of an item, as sent to {@code POST /api/quotes}
 * and on to the workers.
 *
 * @param symbol the item, such as {@code NATS}: letters only
 * @param quantity how many, at least one
 */
public record QuoteRequest(
		@NotNull @Pattern(regexp = "[A-Za-z]{1,16}", message = "must be 1 to 16 letters") String symbol,
		@Positive int quantity) {

}
