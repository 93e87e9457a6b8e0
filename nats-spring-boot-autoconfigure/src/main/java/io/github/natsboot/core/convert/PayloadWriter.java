package io.github.natsboot.core.convert;

/**
 * Writes payloads of one type to bytes.
 */
public interface PayloadWriter {

	/**
	 * Write the payload.
	 * @param payload the payload
	 * @return the bytes to send
	 * @throws org.springframework.messaging.converter.MessageConversionException if the
	 * payload cannot be written
	 */
	byte[] write(Object payload);

	/**
	 * The content type of what this writer produces, for the
	 * {@value io.github.natsboot.core.NatsHeaders#CONTENT_TYPE} header.
	 * @return the content type, or {@code null} to send the bytes without one
	 */
	String contentType();

}
