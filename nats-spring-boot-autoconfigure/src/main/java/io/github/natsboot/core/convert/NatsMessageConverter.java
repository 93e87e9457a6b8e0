package io.github.natsboot.core.convert;

import java.lang.reflect.Type;

import io.nats.client.impl.Headers;

/**
 * Converts between Java objects and NATS message payloads. Writers and readers are looked
 * up once per type and then reused, so that nothing about a type is worked out again on
 * the message path.
 */
public interface NatsMessageConverter {

	/**
	 * Return the writer for payloads of the given class.
	 * @param payloadType the class of the payloads to write
	 * @return the writer
	 */
	PayloadWriter writerFor(Class<?> payloadType);

	/**
	 * Return the reader that turns payloads into the given type.
	 * @param targetType the type to read payloads as
	 * @return the reader
	 */
	PayloadReader readerFor(Type targetType);

	/**
	 * Read a payload as the given type.
	 * @param <T> the target type
	 * @param data the payload bytes
	 * @param headers the message headers, may be {@code null}
	 * @param targetType the type to read
	 * @return the value
	 */
	@SuppressWarnings("unchecked")
	default <T> T read(byte[] data, Headers headers, Class<T> targetType) {
		return (T) readerFor(targetType).read(data, headers);
	}

}
