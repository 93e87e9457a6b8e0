package io.github.natsboot.sample.order;

/**
 * Thrown by a worker for an order whose item is not on the price list: the order fails
 * on every delivery and ends in the dead-letter stream.
 */
public class UnknownItemException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param order the order
	 */
	public UnknownItemException(Order order) {
		super("Order '" + order.id() + "': item '" + order.item() + "' is not on the price list");
	}

}
