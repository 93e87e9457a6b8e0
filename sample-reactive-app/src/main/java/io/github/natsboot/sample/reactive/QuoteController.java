package io.github.natsboot.sample.reactive;

import java.time.Instant;

import io.github.natsboot.reactive.ReactiveNatsOperations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quote API, non-blocking end to end: a quote is a NATS request answered by a
 * {@link QuoteWorker}, the stream is a NATS subscription to {@value Quotes#TICKS}. Errors
 * are mapped by {@link QuoteProblems}.
 */
@RestController
@RequestMapping("/quotes")
public class QuoteController {

	private final ReactiveNatsOperations nats;

	private final ReactiveSampleProperties properties;

	QuoteController(ReactiveNatsOperations nats, ReactiveSampleProperties properties) {
		this.nats = nats;
		this.properties = properties;
	}

	/**
	 * The current price of a symbol, asked of a worker over {@value Quotes#SUBJECT}.
	 * @param symbol the symbol
	 * @return the worker's quote
	 */
	@GetMapping("/{symbol}")
	public Mono<Quote> quote(@PathVariable String symbol) {
		return this.nats.request(Quotes.SUBJECT, new QuoteRequest(symbol), Quote.class,
				this.properties.quotes().timeout());
	}

	/**
	 * The ticks published to {@value Quotes#TICKS} from now on, one event each; the NATS
	 * subscription ends when the client goes away.
	 * @return the ticks as server-sent events named {@code tick}
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<Quote>> stream() {
		return this.nats.subscribe(Quotes.TICKS, Quote.class)
			.map((tick) -> ServerSentEvent.builder(tick).event("tick").build());
	}

	/**
	 * Publish a tick of your own to {@value Quotes#TICKS}.
	 * @param tick the tick; its time defaults to now
	 * @return completes once the tick is queued for sending
	 */
	@PostMapping("/ticks")
	@ResponseStatus(HttpStatus.ACCEPTED)
	public Mono<Void> publishTick(@RequestBody Quote tick) {
		Quote stamped = (tick.quotedAt() != null) ? tick : new Quote(tick.symbol(), tick.price(), Instant.now());
		return this.nats.publish(Quotes.TICKS, stamped);
	}

}
