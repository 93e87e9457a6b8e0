package io.github.natsboot.sample.order;

import io.github.natsboot.core.NatsOperations;
import io.github.natsboot.sample.SampleCounters;
import io.github.natsboot.sample.SampleEvent;
import io.github.natsboot.sample.WebRole;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;

import org.springframework.stereotype.Component;

/**
 * Publishes orders to the {@value Orders#STREAM} stream (web role), with the order id as
 * the message id so that the stream stores an order sent twice only once.
 */
@Component
@WebRole
public class OrderPublisher {

	private final NatsOperations nats;

	private final SampleCounters counters;

	OrderPublisher(NatsOperations nats, SampleCounters counters) {
		this.nats = nats;
		this.counters = counters;
	}

	/**
	 * Publish an order and wait for the stream to store it.
	 * @param order the order
	 * @return where it was stored, and whether it was a duplicate
	 */
	public OrderAccepted publish(Order order) {
		PublishOptions options = PublishOptions.builder().messageId(order.id()).build();
		PublishAck ack = this.nats.publishToStream(Orders.SUBJECT, order, null, options);
		this.counters.increment(ack.isDuplicate() ? SampleEvent.ORDER_DUPLICATE : SampleEvent.ORDER_ACCEPTED);
		return new OrderAccepted(order.id(), ack.getStream(), ack.getSeqno(), ack.isDuplicate());
	}

}
