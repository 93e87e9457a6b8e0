package io.github.natsboot.listener;

import java.util.StringJoiner;

import io.github.natsboot.core.NatsHeaderValues;
import io.github.natsboot.core.NatsServiceErrorException;

import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Describes why a listener failed on a message, for the other end: the error reply of a
 * request and the dead letter of a JetStream message. Descriptions are valid header
 * values ({@link NatsHeaderValues}), and never quote the payload: a payload that cannot be
 * read is described by its size and content type, and a payload that fails validation by
 * its fields and the constraints they break, not by their rejected values.
 */
public final class FailureDescription {

	private FailureDescription() {
	}

	/**
	 * Describe a failure as an error reply does.
	 * @param error the failure, a {@link NatsListenerExecutionFailedException} is
	 * described by its cause
	 * @return the description, a valid header value
	 */
	public static String of(Throwable error) {
		Throwable cause = causeOf(error);
		String description = NatsHeaderValues.of(describe(cause));
		return (!description.isEmpty()) ? description : cause.getClass().getName();
	}

	/**
	 * Describe a failure as a dead letter does: the exception's class and its description.
	 * @param error the failure, a {@link NatsListenerExecutionFailedException} is
	 * described by its cause
	 * @return the description, a valid header value
	 */
	public static String withType(Throwable error) {
		Throwable cause = causeOf(error);
		return NatsHeaderValues.of(cause.getClass().getName() + ": " + describe(cause));
	}

	/**
	 * The failure a listener ended with: the cause of a
	 * {@link NatsListenerExecutionFailedException}, else the failure itself.
	 * @param error the failure
	 * @return the failure to describe
	 */
	static Throwable causeOf(Throwable error) {
		return (error instanceof NatsListenerExecutionFailedException failed && failed.getCause() != null)
				? failed.getCause() : error;
	}

	private static String describe(Throwable cause) {
		if (cause instanceof NatsServiceErrorException serviceError && serviceError.getDescription() != null) {
			return serviceError.getDescription();
		}
		if (cause instanceof MethodArgumentNotValidException invalid && invalid.getBindingResult() != null) {
			return describe(invalid.getBindingResult());
		}
		String message = cause.getMessage();
		return (message != null && !message.isBlank()) ? message : cause.getClass().getName();
	}

	private static String describe(BindingResult result) {
		StringJoiner errors = new StringJoiner("; ", "Payload is not a valid " + result.getObjectName() + ": ", "");
		for (ObjectError error : result.getAllErrors()) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() + " " : "";
			errors.add(field + ((error.getDefaultMessage() != null) ? error.getDefaultMessage() : error.getCode()));
		}
		return errors.toString();
	}

}
