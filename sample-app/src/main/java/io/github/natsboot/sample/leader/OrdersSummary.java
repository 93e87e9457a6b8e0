package io.github.natsboot.sample.leader;

import java.time.Instant;

/**
 * The summary the leader publishes periodically.
 *
 * @param leader the node id of the leader that published it
 * @param fencingToken the fencing token of the leader's term
 * @param ordersStored the orders in the orders stream
 * @param deadLetters the orders in the dead-letter stream
 * @param publishedAt when it was published
 */
public record OrdersSummary(String leader, long fencingToken, long ordersStored, long deadLetters,
		Instant publishedAt) {

}
