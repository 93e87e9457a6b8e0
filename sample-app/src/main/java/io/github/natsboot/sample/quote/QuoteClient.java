package io.github.natsboot.sample.quote;

import java.time.Duration;

import io.github.natsboot.core.NatsNoRespondersException;
import io.github.natsboot.core.NatsOperations;
import io.github.natsboot.core.NatsRequestTimeoutException;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.sample.SampleCounters;
import io.github.natsboot.sample.SampleEvent;
import io.github.natsboot.sample.SampleProperties;
import io.github.natsboot.sample.WebRole;

import org.springframework.stereotype.Component;

/**
 * Sends quote requests to the workers over NATS request/reply (web role) and counts how
 * each one ended.
 */
@Component
@WebRole
public class QuoteClient {

	private final NatsOperations nats;

	private final SampleCounters counters;

	private final Duration timeout;

	QuoteClient(NatsOperations nats, SampleCounters counters, SampleProperties properties) {
		this.nats = nats;
		this.counters = counters;
		this.timeout = properties.getQuotes().getTimeout();
	}

	/**
	 * Ask a worker for a quote and wait for the answer within
	 * {@code sample.quotes.timeout}.
	 * @param request the request
	 * @return the worker's quote
	 * @throws NatsServiceErrorException if the worker answered with an error
	 * @throws NatsRequestTimeoutException if no worker answered in time
	 * @throws NatsNoRespondersException if no worker listens
	 */
	public Quote request(QuoteRequest request) {
		try {
			Quote quote = this.nats.request(Quotes.SUBJECT, request, Quote.class, this.timeout);
			this.counters.quoteAnsweredBy(quote.worker());
			return quote;
		}
		catch (NatsServiceErrorException ex) {
			this.counters.increment((ex.getCode() < 500) ? SampleEvent.QUOTE_REJECTED : SampleEvent.QUOTE_FAILED);
			throw ex;
		}
		catch (NatsRequestTimeoutException ex) {
			this.counters.increment(SampleEvent.QUOTE_TIMED_OUT);
			throw ex;
		}
		catch (NatsNoRespondersException ex) {
			this.counters.increment(SampleEvent.QUOTE_NO_RESPONDERS);
			throw ex;
		}
	}

}
