package io.github.natsboot.sample.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * An order, as sent to {@code POST /api/orders} and stored in the {@value Orders#STREAM}
 * stream.
 *
 * @param id the order id, also the message id that the stream deduplicates on: letters,
 * digits, {@code -} and {@code _}
 * @param item the item ordered, such as {@code NATS}
 * @param quantity how many, 1 to 1000
 */
public record Order(
		@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
				message = "must be 1 to 64 letters, digits, '-' or '_'") String id,
		@NotNull @Pattern(regexp = "[A-Za-z]{1,16}", message = "must be 1 to 16 letters") String item,
		@Positive @Max(1000) int quantity) {

}
