package io.github.natsboot.core;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.support.NatsRequestCompletableFuture;

/**
 * Turns the outcome of a request into the reply value or into the exception that says
 * what went wrong: no responders, timeout, or an error reply.
 */
final class ReplyReader {

	private static final int NO_RESPONDERS = 503;

	private final NatsMessageConverter converter;

	ReplyReader(NatsMessageConverter converter) {
		this.converter = converter;
	}

	@SuppressWarnings("unchecked")
	<T> T read(String subject, Message reply, Class<T> replyType) {
		if (reply.isStatusMessage()) {
			if (reply.getStatus().getCode() == NO_RESPONDERS) {
				throw new NatsNoRespondersException(subject);
			}
			throw new NatsException("Request to '" + subject + "' failed with status " + reply.getStatus());
		}
		Headers headers = reply.getHeaders();
		if (headers != null && headers.containsKey(NatsHeaders.SERVICE_ERROR)) {
			throw new NatsServiceErrorException(subject, errorCode(headers),
					headers.getFirst(NatsHeaders.SERVICE_ERROR));
		}
		if (replyType == Message.class) {
			return (T) reply;
		}
		if (replyType == Void.class || replyType == void.class) {
			return null;
		}
		return this.converter.read(reply.getData(), headers, replyType);
	}

	RuntimeException translate(String subject, Duration timeout, Throwable failure,
			CompletableFuture<Message> request) {
		Throwable cause = unwrap(failure);
		if (cause instanceof TimeoutException) {
			return new NatsRequestTimeoutException(subject, timeout);
		}
		if (cause instanceof CancellationException cancellation && !request.isDone()) {
			return cancellation;
		}
		if (cause instanceof CancellationException) {
			if (request instanceof NatsRequestCompletableFuture natsRequest) {
				if (natsRequest.wasCancelledTimedOut()) {
					return new NatsRequestTimeoutException(subject, timeout);
				}
				if (natsRequest.wasCancelledClosing()) {
					return new NatsException("Request to '" + subject + "' was cancelled: the connection closed");
				}
			}
			return new NatsNoRespondersException(subject);
		}
		if (cause instanceof JetStreamStatusException status && status.getStatus().getCode() == NO_RESPONDERS) {
			return new NatsNoRespondersException(subject);
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return new NatsException("Request to '" + subject + "' failed: " + cause, cause);
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static int errorCode(Headers headers) {
		String code = headers.getFirst(NatsHeaders.SERVICE_ERROR_CODE);
		try {
			return (code != null) ? Integer.parseInt(code.trim()) : 500;
		}
		catch (NumberFormatException ex) {
			return 500;
		}
	}

}
