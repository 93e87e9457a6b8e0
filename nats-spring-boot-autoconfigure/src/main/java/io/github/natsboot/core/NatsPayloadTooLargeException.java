package io.github.natsboot.core;

/**
 * Thrown before sending a message whose payload and headers exceed the server's
 * {@code max_payload}.
 */
public class NatsPayloadTooLargeException extends NatsException {

	private final long size;

	private final long maxPayload;

	/**
	 * Create a new exception.
	 * @param subject the subject of the message
	 * @param size the size of the payload and headers in bytes
	 * @param maxPayload the server's maximum payload in bytes
	 */
	public NatsPayloadTooLargeException(String subject, long size, long maxPayload) {
		super("Message to '" + subject + "' is " + size + " bytes, larger than the server's max_payload of "
				+ maxPayload + " bytes");
		this.size = size;
		this.maxPayload = maxPayload;
	}

	public long getSize() {
		return this.size;
	}

	public long getMaxPayload() {
		return this.maxPayload;
	}

}
