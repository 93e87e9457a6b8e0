package io.github.natsboot.sample.order;

/**
 * Names of the orders pipeline, provisioned from {@code application.yml}
 * ({@code nats.jetstream.*}).
 */
public final class Orders {

	/**
	 * Stream that stores orders.
	 */
	public static final String STREAM = "ORDERS";

	/**
	 * Subject orders are published to.
	 */
	public static final String SUBJECT = "orders.created";

	/**
	 * Durable consumer the workers process orders through.
	 */
	public static final String CONSUMER = "order-processor";

	/**
	 * Stream that keeps the orders the workers gave up on (subjects
	 * {@code dlq.ORDERS.>}, where the listener dead-letters them).
	 */
	public static final String DEAD_LETTER_STREAM = "ORDERS-DLQ";

	/**
	 * Key-value bucket holding the processed orders, by order id.
	 */
	public static final String PROCESSED_BUCKET = "processed-orders";

	private Orders() {
	}

}
