package io.github.natsboot.sample.reactive;

import io.github.natsboot.reactive.ReactiveNatsOperations;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes a price tick to {@value Quotes#TICKS} every {@code sample.ticks.interval}
 * (1 second by default), so that {@code GET /quotes/stream} has something to show. Turned
 * off with {@code sample.ticks.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.ticks.enabled", matchIfMissing = true)
public class TickPublisher {

	private final PriceBoard board;

	private final ReactiveNatsOperations nats;

	TickPublisher(PriceBoard board, ReactiveNatsOperations nats) {
		this.board = board;
		this.nats = nats;
	}

	/**
	 * Publish one tick; Spring subscribes to the returned {@code Mono} on every run.
	 * @return completes once the tick is queued for sending
	 */
	@Scheduled(fixedRateString = "${sample.ticks.interval:1s}")
	public Mono<Void> publishTick() {
		return Mono.fromSupplier(this.board::tick).flatMap((tick) -> this.nats.publish(Quotes.TICKS, tick));
	}

}
