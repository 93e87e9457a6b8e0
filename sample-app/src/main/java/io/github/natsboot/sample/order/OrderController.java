package io.github.natsboot.sample.order;

import java.net.URI;
import java.util.List;

import io.github.natsboot.sample.WebRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders API (web role): {@code POST /api/orders} stores an order in the stream,
 * {@code GET /api/orders/{id}} shows it once a worker has processed it, and
 * {@code GET /api/orders/dlq} lists the orders the workers gave up on.
 */
@RestController
@RequestMapping("/api/orders")
@WebRole
public class OrderController {

	private final OrderPublisher publisher;

	private final ProcessedOrders processedOrders;

	private final DeadLetterQueue deadLetterQueue;

	OrderController(OrderPublisher publisher, ProcessedOrders processedOrders, DeadLetterQueue deadLetterQueue) {
		this.publisher = publisher;
		this.processedOrders = processedOrders;
		this.deadLetterQueue = deadLetterQueue;
	}

	/**
	 * Store an order in the stream for the workers to process.
	 * @param order the order
	 * @return 202 with where the order was stored and whether it was a duplicate
	 */
	@PostMapping
	public ResponseEntity<OrderAccepted> submit(@Valid @RequestBody Order order) {
		OrderAccepted accepted = this.publisher.publish(order);
		return ResponseEntity.accepted().location(URI.create("/api/orders/" + order.id())).body(accepted);
	}

	/**
	 * Return a processed order.
	 * @param id the order id
	 * @return the order as the worker processed it
	 * @throws ErrorResponseException with 404 when it has not been processed
	 */
	@GetMapping("/{id}")
	public ProcessedOrder processed(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String id) {
		return this.processedOrders.find(id)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail
				.forStatusAndDetail(HttpStatus.NOT_FOUND, "Order '" + id + "' has not been processed"), null));
	}

	/**
	 * Return the latest orders in the dead-letter stream, oldest first.
	 * @param limit the most to return, 1 to 500
	 * @return the dead letters
	 */
	@GetMapping("/dlq")
	public List<DeadLetter> deadLetters(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.deadLetterQueue.latest(limit);
	}

}
