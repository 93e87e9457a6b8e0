package io.github.natsboot.sample.reactive;

/**
 * The NATS subjects and the queue group of the quote service.
 */
public final class Quotes {

	/**
	 * Subject of quote requests, answered by {@link QuoteWorker}.
	 */
	public static final String SUBJECT = "quotes.get";

	/**
	 * Queue group the quote workers share requests in.
	 */
	public static final String QUEUE_GROUP = "quote-workers";

	/**
	 * Subject of price ticks, streamed by {@code GET /quotes/stream}.
	 */
	public static final String TICKS = "quotes.ticks";

	/**
	 * Id of the quote worker's listener container.
	 */
	public static final String WORKER_ID = "quote-worker";

	private Quotes() {
	}

}
