package io.github.natsboot.sample.order;

import java.util.Optional;

import io.github.natsboot.core.NatsOperations;
import io.github.natsboot.kv.KeyValueOperations;
import io.github.natsboot.kv.VersionedValue;

import org.springframework.stereotype.Component;

/**
 * The processed orders, kept in the {@value Orders#PROCESSED_BUCKET} key-value bucket by
 * order id: workers write them, the web role reads them.
 */
@Component
public class ProcessedOrders {

	private final KeyValueOperations bucket;

	ProcessedOrders(NatsOperations nats) {
		this.bucket = nats.keyValue(Orders.PROCESSED_BUCKET);
	}

	/**
	 * Keep a processed order, replacing any earlier one with the same id.
	 * @param order the order
	 */
	public void save(ProcessedOrder order) {
		this.bucket.put(order.id(), order);
	}

	/**
	 * Find a processed order.
	 * @param id the order id
	 * @return the order, or empty when no order with that id has been processed
	 */
	public Optional<ProcessedOrder> find(String id) {
		VersionedValue<ProcessedOrder> entry = this.bucket.get(id, ProcessedOrder.class);
		return Optional.ofNullable(entry).map(VersionedValue::value);
	}

}
