package io.github.natsboot.sample.order;

/**
 * The answer to {@code POST /api/orders}: where the order was stored.
 *
 * @param id the order id
 * @param stream the stream that stored it
 * @param sequence its sequence in the stream
 * @param duplicate whether the stream already had an order with this id (within its
 * duplicate window) and did not store it again
 */
public record OrderAccepted(String id, String stream, long sequence, boolean duplicate) {

}
