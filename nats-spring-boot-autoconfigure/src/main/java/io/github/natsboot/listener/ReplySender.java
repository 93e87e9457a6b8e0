package io.github.natsboot.listener;

import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.OutgoingMessage;
import io.github.natsboot.core.OutgoingMessageFactory;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Answers requests: a listener's return value, converted like template payloads, or an
 * error as NATS services send it, with the {@value NatsHeaders#SERVICE_ERROR} and
 * {@value NatsHeaders#SERVICE_ERROR_CODE} headers.
 */
public class ReplySender {

	private static final Log logger = LogFactory.getLog(ReplySender.class);

	private static final byte[] EMPTY = new byte[0];

	private final Connection connection;

	private final OutgoingMessageFactory messageFactory;

	/**
	 * Create a reply sender.
	 * @param connection the connection to reply on
	 * @param messageFactory converts reply values
	 */
	public ReplySender(Connection connection, OutgoingMessageFactory messageFactory) {
		this.connection = connection;
		this.messageFactory = messageFactory;
	}

	/**
	 * Send a value as the reply.
	 * @param replyTo the reply subject
	 * @param value the value, {@code null} for an empty reply
	 */
	public void sendReply(String replyTo, Object value) {
		OutgoingMessage reply;
		try {
			reply = this.messageFactory.createUnchecked(replyTo, value, null, this.connection.getMaxPayload());
		}
		catch (RuntimeException ex) {
			sendError(replyTo, ex);
			throw ex;
		}
		this.connection.publish(reply.subject(), reply.headers(), reply.data());
	}

	/**
	 * Answer a request with an error.
	 * @param replyTo the reply subject
	 * @param error the error: a {@link NatsServiceErrorException} keeps its code, a
	 * {@link NatsListenerExecutionFailedException} for a payload that could not be
	 * converted gets 400, anything else 500
	 */
	public void sendError(String replyTo, Throwable error) {
		Throwable cause = (error instanceof NatsListenerExecutionFailedException failed && failed.getCause() != null)
				? failed.getCause() : error;
		int code = errorCode(error, cause);
		String description = (cause instanceof NatsServiceErrorException serviceError)
				? serviceError.getDescription() : describe(cause);
		Headers headers = new Headers().put(NatsHeaders.SERVICE_ERROR, description)
			.put(NatsHeaders.SERVICE_ERROR_CODE, Integer.toString(code));
		try {
			this.connection.publish(replyTo, headers, EMPTY);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not send the error reply to " + replyTo + ": " + ex);
		}
	}

	private static int errorCode(Throwable error, Throwable cause) {
		if (cause instanceof NatsServiceErrorException serviceError) {
			return serviceError.getCode();
		}
		if (error instanceof NatsListenerExecutionFailedException failed && failed.isConversionFailure()) {
			return 400;
		}
		return 500;
	}

	private static String describe(Throwable cause) {
		String message = cause.getMessage();
		String description = (message != null && !message.isBlank()) ? message : cause.getClass().getName();
		return description.replace('\r', ' ').replace('\n', ' ');
	}

}
