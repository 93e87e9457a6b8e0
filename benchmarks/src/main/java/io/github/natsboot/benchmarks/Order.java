package io.github.natsboot.benchmarks;

import java.util.List;

/**
 * The JSON object every scenario sends (about 200 bytes of JSON).
 *
 * @param id the order id
 * @param customer the customer
 * @param sku the product
 * @param quantity the quantity
 * @param price the unit price
 * @param tags a few tags
 */
public record Order(String id, String customer, String sku, int quantity, double price, List<String> tags) {

	/**
	 * The order the benchmarks send.
	 * @return a typical order
	 */
	public static Order sample() {
		return new Order("7f9c2d0e-5b7a-4e61-9a53-2c1f0e8d4b17", "customer-004217", "SKU-88310-BLUE-XL", 3, 24.99,
				List.of("priority", "gift-wrap", "eu-west"));
	}

}
