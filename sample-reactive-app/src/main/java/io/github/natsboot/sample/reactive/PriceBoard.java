package io.github.natsboot.sample.reactive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * The current prices of the known symbols, moved a little by every tick.
 */
@Component
public class PriceBoard {

	private static final List<String> SYMBOLS = List.of("JETSTREAM", "KV", "LEAF", "NATS");

	private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();

	PriceBoard() {
		SYMBOLS.forEach((symbol) -> this.prices.put(symbol, new BigDecimal("10.00")));
	}

	/**
	 * The current price of a symbol.
	 * @param symbol the symbol, in any case
	 * @return its quote, or empty for an unknown symbol
	 */
	public Optional<Quote> quote(String symbol) {
		String key = symbol.toUpperCase(Locale.ROOT);
		return Optional.ofNullable(this.prices.get(key)).map((price) -> new Quote(key, price, Instant.now()));
	}

	/**
	 * Move the price of a random symbol by up to 2 percent either way.
	 * @return the new quote of that symbol
	 */
	public Quote tick() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
		BigDecimal factor = BigDecimal.valueOf(0.98 + random.nextDouble() * 0.04);
		BigDecimal price = this.prices.compute(symbol,
				(key, current) -> current.multiply(factor).setScale(2, RoundingMode.HALF_UP));
		return new Quote(symbol, price, Instant.now());
	}

	/**
	 * The known symbols.
	 * @return the symbols, sorted
	 */
	public List<String> symbols() {
		return SYMBOLS;
	}

}
