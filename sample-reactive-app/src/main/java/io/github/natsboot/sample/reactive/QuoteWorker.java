package io.github.natsboot.sample.reactive;

import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.listener.NatsListener;

import org.springframework.stereotype.Component;

/**
 * Answers quote requests from the {@link PriceBoard}. Instances share the requests through
 * the {@value Quotes#QUEUE_GROUP} queue group. An unknown symbol is answered with service
 * error 404, which {@code GET /quotes/{symbol}} turns into 502.
 */
@Component
public class QuoteWorker {

	private final PriceBoard board;

	QuoteWorker(PriceBoard board) {
		this.board = board;
	}

	/**
	 * Quote a symbol.
	 * @param request the request
	 * @return the quote, sent back as the reply
	 * @throws NatsServiceErrorException for an unknown symbol
	 */
	@NatsListener(id = Quotes.WORKER_ID, subjects = Quotes.SUBJECT, queue = Quotes.QUEUE_GROUP)
	public Quote quote(QuoteRequest request) {
		return this.board.quote(request.symbol())
			.orElseThrow(() -> new NatsServiceErrorException(Quotes.SUBJECT, 404,
					"Unknown symbol '" + request.symbol() + "', known symbols are " + this.board.symbols()));
	}

}
