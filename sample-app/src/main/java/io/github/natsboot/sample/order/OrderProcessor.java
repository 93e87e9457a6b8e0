package io.github.natsboot.sample.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.sample.SampleCounters;
import io.github.natsboot.sample.SampleEvent;
import io.github.natsboot.sample.SampleInstance;
import io.github.natsboot.sample.WorkerRole;
import io.github.natsboot.sample.quote.PriceList;
import jakarta.validation.Valid;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Processes orders from the durable {@value Orders#CONSUMER} consumer of the
 * {@value Orders#STREAM} stream (worker role). Worker instances share the consumer: each
 * order goes to one of them. An order is acknowledged once processed; one whose item is
 * not on the price list fails, is redelivered with a backoff, and after the consumer's
 * max deliveries is dead-lettered into the {@value Orders#DEAD_LETTER_STREAM} stream.
 */
@Component
@WorkerRole
public class OrderProcessor {

	private static final Log logger = LogFactory.getLog(OrderProcessor.class);

	private final PriceList priceList;

	private final ProcessedOrders processedOrders;

	private final SampleInstance instance;

	private final SampleCounters counters;

	OrderProcessor(PriceList priceList, ProcessedOrders processedOrders, SampleInstance instance,
			SampleCounters counters) {
		this.priceList = priceList;
		this.processedOrders = processedOrders;
		this.instance = instance;
		this.counters = counters;
	}

	/**
	 * Charge an order and record it as processed.
	 * @param order the order
	 * @throws UnknownItemException if the item is not on the price list
	 */
	@NatsListener(id = "order-processor", stream = Orders.STREAM, consumer = Orders.CONSUMER, concurrency = "2")
	public void process(@Valid Order order) {
		Optional<BigDecimal> unitPrice = this.priceList.unitPrice(order.item());
		if (unitPrice.isEmpty()) {
			this.counters.increment(SampleEvent.ORDER_FAILED);
			throw new UnknownItemException(order);
		}
		BigDecimal total = unitPrice.get().multiply(BigDecimal.valueOf(order.quantity()));
		this.processedOrders.save(new ProcessedOrder(order.id(), order.item(), order.quantity(), total,
				this.instance.getId(), Instant.now()));
		this.counters.increment(SampleEvent.ORDER_PROCESSED);
		logger.info("Processed order " + order.id() + ": " + order.quantity() + " x " + order.item() + " = " + total);
	}

}
