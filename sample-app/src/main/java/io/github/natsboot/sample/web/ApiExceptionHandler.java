package io.github.natsboot.sample.web;

import java.util.List;

import io.github.natsboot.core.NatsException;
import io.github.natsboot.core.NatsNoRespondersException;
import io.github.natsboot.core.NatsRequestTimeoutException;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.sample.WebRole;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into RFC 9457 problem details (web role). Invalid requests get Spring
 * MVC's 400 with an {@code errors} list naming each invalid field; NATS failures map to:
 * <ul>
 * <li>a worker's service error: its code when it is a client error (4xx), else 502, with
 * the worker's message as the detail;</li>
 * <li>no worker listening: 503;</li>
 * <li>no answer in time: 504;</li>
 * <li>any other NATS failure (server unreachable, stream missing, replay failed): 503.</li>
 * </ul>
 */
@RestControllerAdvice
@WebRole
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getBindingResult().getAllErrors().stream().map((error) -> describe(null, error)).toList();
		ex.getBody().setProperty("errors", errors);
		return super.handleMethodArgumentNotValid(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> describe(result.getMethodParameter().getParameterName(), error)))
			.toList();
		ex.getBody().setProperty("errors", errors);
		return super.handleHandlerMethodValidationException(ex, headers, status, request);
	}

	private static String describe(String parameter, MessageSourceResolvable error) {
		String name = (error instanceof FieldError fieldError) ? fieldError.getField() : parameter;
		return (name != null) ? name + ": " + error.getDefaultMessage() : error.getDefaultMessage();
	}

	@ExceptionHandler
	ProblemDetail serviceError(NatsServiceErrorException ex) {
		HttpStatusCode status = (ex.getCode() >= 400 && ex.getCode() < 500) ? HttpStatusCode.valueOf(ex.getCode())
				: HttpStatus.BAD_GATEWAY;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getDescription());
		problem.setTitle("Worker error");
		problem.setProperty("subject", ex.getSubject());
		problem.setProperty("serviceErrorCode", ex.getCode());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail noResponders(NatsNoRespondersException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("No worker available");
		problem.setProperty("subject", ex.getSubject());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail timeout(NatsRequestTimeoutException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, ex.getMessage());
		problem.setTitle("Worker timeout");
		problem.setProperty("subject", ex.getSubject());
		problem.setProperty("timeoutMillis", ex.getTimeout().toMillis());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail natsUnavailable(NatsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("NATS unavailable");
		return problem;
	}

}
