package io.github.natsboot.core.convert;

import io.nats.client.impl.Headers;

/**
 * Reads payload bytes as one type.
 */
@FunctionalInterface
public interface PayloadReader {

	/**
	 * Read the payload.
	 * @param data the payload bytes
	 * @param headers the message headers, may be {@code null}
	 * @return the value, {@code null} for an empty payload read as an object
	 * @throws org.springframework.messaging.converter.MessageConversionException if the
	 * payload cannot be read as the type
	 */
	Object read(byte[] data, Headers headers);

}
