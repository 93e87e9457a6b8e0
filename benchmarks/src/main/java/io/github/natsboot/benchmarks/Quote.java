package io.github.natsboot.benchmarks;

/**
 * The JSON object the request/reply responders answer with.
 *
 * @param orderId the order the quote is for
 * @param total the total price
 * @param currency the currency
 */
public record Quote(String orderId, double total, String currency) {

	/**
	 * The quote of an order.
	 * @param order the order
	 * @return its quote
	 */
	public static Quote of(Order order) {
		return new Quote(order.id(), order.quantity() * order.price(), "EUR");
	}

}
