package io.github.natsboot.sample;

/**
 * What the sample counts, with the meter and tag each count is published as.
 */
public enum SampleEvent {

	/**
	 * A quote request answered by a worker (web role).
	 */
	QUOTE_ANSWERED("quotesAnswered", "sample.quotes.requests", "answered"),

	/**
	 * A quote request a worker refused with a 4xx service error (web role).
	 */
	QUOTE_REJECTED("quotesRejected", "sample.quotes.requests", "rejected"),

	/**
	 * A quote request a worker failed with a 5xx service error (web role).
	 */
	QUOTE_FAILED("quotesFailed", "sample.quotes.requests", "failed"),

	/**
	 * A quote request that no worker answered in time (web role).
	 */
	QUOTE_TIMED_OUT("quotesTimedOut", "sample.quotes.requests", "timeout"),

	/**
	 * A quote request sent while no worker listened (web role).
	 */
	QUOTE_NO_RESPONDERS("quotesWithoutResponders", "sample.quotes.requests", "no-responders"),

	/**
	 * An order stored in the stream (web role).
	 */
	ORDER_ACCEPTED("ordersAccepted", "sample.orders.published", "accepted"),

	/**
	 * An order whose id the stream had already stored (web role).
	 */
	ORDER_DUPLICATE("ordersDuplicate", "sample.orders.published", "duplicate"),

	/**
	 * A quote computed by this instance (worker role).
	 */
	QUOTE_COMPUTED("quotesComputed", "sample.quotes.computed", null),

	/**
	 * An order processed by this instance (worker role).
	 */
	ORDER_PROCESSED("ordersProcessed", "sample.orders.processed", "success"),

	/**
	 * An attempt to process an order that failed (worker role).
	 */
	ORDER_FAILED("orderAttemptsFailed", "sample.orders.processed", "failure");

	private final String statName;

	private final String meterName;

	private final String outcome;

	SampleEvent(String statName, String meterName, String outcome) {
		this.statName = statName;
		this.meterName = meterName;
		this.outcome = outcome;
	}

	/**
	 * Return the name of this count in {@code GET /api/stats}.
	 * @return the statistic name
	 */
	public String getStatName() {
		return this.statName;
	}

	/**
	 * Return the name of the counter this count is published as.
	 * @return the meter name
	 */
	public String getMeterName() {
		return this.meterName;
	}

	/**
	 * Return the {@code outcome} tag of the counter.
	 * @return the outcome, or {@code null} when the counter has no such tag
	 */
	public String getOutcome() {
		return this.outcome;
	}

}
