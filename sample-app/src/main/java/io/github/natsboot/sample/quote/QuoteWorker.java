package io.github.natsboot.sample.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.TreeSet;

import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.sample.SampleCounters;
import io.github.natsboot.sample.SampleEvent;
import io.github.natsboot.sample.SampleInstance;
import io.github.natsboot.sample.WorkerRole;
import jakarta.validation.Valid;

import org.springframework.stereotype.Component;

/**
 * Answers quote requests (worker role). Worker instances share the requests through the
 * {@value Quotes#QUEUE_GROUP} queue group. An unknown item is answered with service error
 * 404 and a quantity above {@value #MAX_QUANTITY} with 422; the web role turns both into
 * HTTP errors carrying the worker's message.
 */
@Component
@WorkerRole
public class QuoteWorker {

	/**
	 * The largest quantity a single quote is given for.
	 */
	public static final int MAX_QUANTITY = 10_000;

	private final PriceList priceList;

	private final SampleInstance instance;

	private final SampleCounters counters;

	QuoteWorker(PriceList priceList, SampleInstance instance, SampleCounters counters) {
		this.priceList = priceList;
		this.instance = instance;
		this.counters = counters;
	}

	/**
	 * Price a request.
	 * @param request the request, validated
	 * @return the quote, sent back as the reply
	 * @throws NatsServiceErrorException for an unknown item or too large a quantity
	 */
	@NatsListener(id = "quote-worker", subjects = Quotes.SUBJECT, queue = Quotes.QUEUE_GROUP, concurrency = "2")
	public Quote quote(@Valid QuoteRequest request) {
		String symbol = request.symbol().toUpperCase(Locale.ROOT);
		if (request.quantity() > MAX_QUANTITY) {
			throw new NatsServiceErrorException(Quotes.SUBJECT, 422,
					"Quantity " + request.quantity() + " exceeds the maximum of " + MAX_QUANTITY + " per quote");
		}
		BigDecimal unitPrice = this.priceList.unitPrice(symbol)
			.orElseThrow(() -> new NatsServiceErrorException(Quotes.SUBJECT, 404,
					"Unknown symbol '" + symbol + "', known symbols are " + new TreeSet<>(this.priceList.getItems())));
		this.counters.increment(SampleEvent.QUOTE_COMPUTED);
		BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(request.quantity()));
		return new Quote(symbol, request.quantity(), unitPrice, total, this.instance.getId(), Instant.now());
	}

}
