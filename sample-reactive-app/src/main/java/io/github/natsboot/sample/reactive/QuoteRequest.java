package io.github.natsboot.sample.reactive;

/**
 * A request for the current price of a symbol, sent to {@value Quotes#SUBJECT}.
 *
 * @param symbol the symbol
 */
public record QuoteRequest(String symbol) {

}
