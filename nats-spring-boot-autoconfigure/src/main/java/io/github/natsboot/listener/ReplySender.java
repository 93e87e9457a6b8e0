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
 * <p>
 * A requester is never left waiting because its answer could not be sent: a value that
 * cannot be converted or is too large is answered with an error instead, and an error
 * reply that cannot be sent is replaced by a minimal one ({@value #FALLBACK_CODE}, a fixed
 * description). Error descriptions are {@link FailureDescription}s: valid header values
 * that never quote the payload.
 */
public class ReplySender {

	/**
	 * Code of the minimal error reply sent when the intended reply could not be sent.
	 */
	public static final int FALLBACK_CODE = 500;

	/**
	 * Description of the minimal error reply sent when the intended reply could not be
	 * sent.
	 */
	public static final String FALLBACK_DESCRIPTION = "The listener's reply could not be sent";

	private static final Log logger = LogFactory.getLog(ReplySender.class);

	private static final byte[] EMPTY = new byte[0];

	private static final Headers FALLBACK_HEADERS = new Headers(
			new Headers().put(NatsHeaders.SERVICE_ERROR, FALLBACK_DESCRIPTION)
				.put(NatsHeaders.SERVICE_ERROR_CODE, Integer.toString(FALLBACK_CODE)),
			true);

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
	 * Send a value as the reply. When the value cannot be sent (it cannot be converted,
	 * it is larger than the server accepts, or the connection refuses it), the requester
	 * is answered with an error instead and the failure is thrown.
	 * @param replyTo the reply subject
	 * @param value the value, {@code null} for an empty reply
	 * @throws RuntimeException the failure that kept the value from being sent, after
	 * the requester was answered with it
	 */
	public void sendReply(String replyTo, Object value) {
		try {
			OutgoingMessage reply = this.messageFactory.createUnchecked(replyTo, value, null,
					this.connection.getMaxPayload());
			this.connection.publish(reply.subject(), reply.headers(), reply.data());
		}
		catch (RuntimeException ex) {
			sendError(replyTo, ex);
			throw ex;
		}
	}

	/**
	 * Answer a request with an error; when that reply cannot be sent, answer with the
	 * minimal error reply instead.
	 * @param replyTo the reply subject
	 * @param error the error: a {@link NatsServiceErrorException} keeps its code, a
	 * {@link NatsListenerExecutionFailedException} for a payload that could not be
	 * converted gets 400, anything else 500
	 * @return {@code true} if the error itself was sent, {@code false} if the minimal
	 * error reply was sent in its place or nothing could be sent
	 */
	public boolean sendError(String replyTo, Throwable error) {
		try {
			Headers headers = new Headers().put(NatsHeaders.SERVICE_ERROR, FailureDescription.of(error))
				.put(NatsHeaders.SERVICE_ERROR_CODE, Integer.toString(errorCode(error)));
			this.connection.publish(replyTo, headers, EMPTY);
			return true;
		}
		catch (RuntimeException ex) {
			sendFallback(replyTo, ex);
			return false;
		}
	}

	private void sendFallback(String replyTo, RuntimeException failure) {
		try {
			this.connection.publish(replyTo, FALLBACK_HEADERS, EMPTY);
			logger.error("Could not send the error reply to " + replyTo + ", sent the minimal error reply instead",
					failure);
		}
		catch (RuntimeException ex) {
			ex.addSuppressed(failure);
			logger.error("Could not send any error reply to " + replyTo + ": the requester will time out", ex);
		}
	}

	private static int errorCode(Throwable error) {
		if (FailureDescription.causeOf(error) instanceof NatsServiceErrorException serviceError) {
			return serviceError.getCode();
		}
		if (error instanceof NatsListenerExecutionFailedException failed && failed.isConversionFailure()) {
			return 400;
		}
		return 500;
	}

}
