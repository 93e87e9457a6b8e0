package io.github.natsboot.core;

import java.time.Duration;

/**
 * Thrown when a request or a JetStream publish gets no answer within its timeout.
 */
public class NatsRequestTimeoutException extends NatsException {

	private final String subject;

	private final Duration timeout;

	/**
	 * Create a new exception.
	 * @param subject the subject the request was sent to
	 * @param timeout the timeout that passed
	 */
	public NatsRequestTimeoutException(String subject, Duration timeout) {
		super("No reply from '" + subject + "' within " + timeout.toMillis() + " ms");
		this.subject = subject;
		this.timeout = timeout;
	}

	public String getSubject() {
		return this.subject;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

}
