package io.github.natsboot.sample.quote;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The unit prices the workers quote and charge. Items are matched case-insensitively.
 */
@Component
public class PriceList {

	private final Map<String, BigDecimal> prices = Map.of("NATS", new BigDecimal("12.50"), "JETSTREAM",
			new BigDecimal("20.00"), "KV", new BigDecimal("4.75"), "LEAF", new BigDecimal("1.20"));

	/**
	 * Return the unit price of an item.
	 * @param item the item
	 * @return the price, or empty when the item is not on the list
	 */
	public Optional<BigDecimal> unitPrice(String item) {
		return Optional.ofNullable(this.prices.get(item.toUpperCase(Locale.ROOT)));
	}

	/**
	 * Return the items on the list.
	 * @return the items, upper case
	 */
	public Set<String> getItems() {
		return this.prices.keySet();
	}

}
