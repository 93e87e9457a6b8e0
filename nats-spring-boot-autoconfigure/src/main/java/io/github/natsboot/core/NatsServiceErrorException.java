package io.github.natsboot.core;

/**
 * Thrown when a request is answered with an error: a reply carrying the
 * {@value NatsHeaders#SERVICE_ERROR} and {@value NatsHeaders#SERVICE_ERROR_CODE}
 * headers, as a NATS service or a failing {@code @NatsListener} sends.
 */
public class NatsServiceErrorException extends NatsException {

	private final String subject;

	private final int code;

	private final String description;

	/**
	 * Create a new exception.
	 * @param subject the request subject
	 * @param code the error code
	 * @param description the error description
	 */
	public NatsServiceErrorException(String subject, int code, String description) {
		super("Request to '" + subject + "' failed with service error " + code + ": " + description);
		this.subject = subject;
		this.code = code;
		this.description = description;
	}

	public String getSubject() {
		return this.subject;
	}

	public int getCode() {
		return this.code;
	}

	public String getDescription() {
		return this.description;
	}

}
