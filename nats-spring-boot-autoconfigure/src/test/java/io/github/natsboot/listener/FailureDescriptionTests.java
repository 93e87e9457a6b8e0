package io.github.natsboot.listener;

import java.lang.reflect.Method;

import io.github.natsboot.core.NatsServiceErrorException;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

class FailureDescriptionTests {

	@Test
	void aListenerFailureIsDescribedByItsCause() {
		NatsListenerExecutionFailedException failure = new NatsListenerExecutionFailedException("quotes", "q", false,
				new IllegalStateException("no price for NATS"));
		assertThat(FailureDescription.of(failure)).isEqualTo("no price for NATS");
		assertThat(FailureDescription.withType(failure))
			.isEqualTo("java.lang.IllegalStateException: no price for NATS");
	}

	@Test
	void aServiceErrorIsDescribedByItsDescription() {
		assertThat(FailureDescription.of(new NatsServiceErrorException("q", 422, "quantity\nmust be positive")))
			.isEqualTo("quantity must be positive");
	}

	@Test
	void aMessageWithLineBreaksAndNonAsciiBecomesAValidHeaderValue() {
		assertThat(FailureDescription.of(new IllegalArgumentException("Menge ung\u00fcltig:\r\n\u00ff\u0000")))
			.isEqualTo("Menge ung\\u00fcltig:  \\u00ff\\u0000");
	}

	@Test
	void aFailureWithoutMessageIsDescribedByItsClass() {
		assertThat(FailureDescription.of(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
		assertThat(FailureDescription.of(new IllegalStateException("\r\n"))).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void aValidationFailureNamesTheFieldsAndConstraintsButNotTheRejectedValues() throws Exception {
		Method method = FailureDescriptionTests.class.getDeclaredMethod("listen", Order.class);
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Order("secret-id", -5), "order");
		result.rejectValue("quantity", "Positive", "must be greater than 0");
		result.rejectValue("id", "Pattern", "must match \"o-[0-9]+\"");
		MethodArgumentNotValidException invalid = new MethodArgumentNotValidException(
				MessageBuilder.withPayload(new byte[0]).build(), new MethodParameter(method, 0), result);
		assertThat(FailureDescription.of(invalid)).isEqualTo(
				"Payload is not a valid order: quantity must be greater than 0; id must match \"o-[0-9]+\"")
			.doesNotContain("secret-id")
			.doesNotContain("-5");
	}

	void listen(Order order) {
	}

	public record Order(String id, int quantity) {
	}

}
