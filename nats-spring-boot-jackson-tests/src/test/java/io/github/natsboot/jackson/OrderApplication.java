package io.github.natsboot.jackson;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.github.natsboot.listener.NatsListener;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application with {@code @NatsListener} methods that take and return JSON payloads.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OrderApplication {

	@Bean
	OrderListeners orderListeners() {
		return new OrderListeners();
	}

	record PlaceOrder(String orderId, String item, int quantity, Instant placedAt) {
	}

	record OrderConfirmation(String orderId, int totalQuantity) {
	}

	static class OrderListeners {

		final BlockingQueue<PlaceOrder> audited = new LinkedBlockingQueue<>();

		@NatsListener(subjects = "orders.place")
		OrderConfirmation place(PlaceOrder order) {
			return new OrderConfirmation(order.orderId(), order.quantity() * 2);
		}

		@NatsListener(subjects = "orders.audit")
		void audit(PlaceOrder order) {
			this.audited.add(order);
		}

	}

}
