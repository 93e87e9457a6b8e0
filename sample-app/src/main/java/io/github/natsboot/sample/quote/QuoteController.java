package io.github.natsboot.sample.quote;

import io.github.natsboot.sample.WebRole;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/quotes}: a quote computed by one of the workers (web role).
 */
@RestController
@RequestMapping("/api/quotes")
@WebRole
public class QuoteController {

	private final QuoteClient client;

	QuoteController(QuoteClient client) {
		this.client = client;
	}

	/**
	 * Ask the workers for a quote.
	 * @param request the request
	 * @return the quote, naming the worker that computed it
	 */
	@PostMapping
	public Quote quote(@Valid @RequestBody QuoteRequest request) {
		return this.client.request(request);
	}

}
