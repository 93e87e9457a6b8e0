package io.github.natsboot.sample.reactive;

import io.github.natsboot.core.NatsNoRespondersException;
import io.github.natsboot.core.NatsRequestTimeoutException;
import io.github.natsboot.core.NatsServiceErrorException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the failures of a NATS request to RFC 9457 problem details: no answer in time is
 * 504, no worker listening 503, a worker's error reply 502 (with the worker's code and
 * message).
 */
@RestControllerAdvice
public class QuoteProblems {

	@ExceptionHandler
	ProblemDetail timeout(NatsRequestTimeoutException ex) {
		return problem(HttpStatus.GATEWAY_TIMEOUT, "Worker timeout", ex.getMessage(), ex.getSubject());
	}

	@ExceptionHandler
	ProblemDetail noResponders(NatsNoRespondersException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "No worker available", ex.getMessage(), ex.getSubject());
	}

	@ExceptionHandler
	ProblemDetail serviceError(NatsServiceErrorException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "Worker error", ex.getDescription(), ex.getSubject());
		problem.setProperty("serviceErrorCode", ex.getCode());
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, String subject) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("subject", subject);
		return problem;
	}

}
