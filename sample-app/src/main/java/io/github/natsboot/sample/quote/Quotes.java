package io.github.natsboot.sample.quote;

/**
 * Where quote requests travel: the subject the web role sends them to and the queue group
 * of the workers that answer them.
 */
public final class Quotes {

	/**
	 * Subject of quote requests.
	 */
	public static final String SUBJECT = "quotes.request";

	/**
	 * Queue group of the quote workers: each request goes to one worker instance.
	 */
	public static final String QUEUE_GROUP = "quote-workers";

	private Quotes() {
	}

}
