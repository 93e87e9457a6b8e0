package io.github.natsboot.objectstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.core.convert.PayloadReader;
import io.github.natsboot.core.convert.PayloadWriter;
import io.nats.client.impl.Headers;

import org.springframework.messaging.converter.MessageConversionException;

/**
 * Converts the values of one bucket with a {@link NatsMessageConverter}, looking up the
 * writer and reader of each class once. The content type of a written value travels in
 * the object's headers and is handed to the reader, as for a message.
 */
final class ObjectStoreCodec {

	private final String bucket;

	private final NatsMessageConverter converter;

	private final Map<Class<?>, PayloadWriter> writers = new ConcurrentHashMap<>();

	private final Map<Class<?>, PayloadReader> readers = new ConcurrentHashMap<>();

	ObjectStoreCodec(String bucket, NatsMessageConverter converter) {
		this.bucket = bucket;
		this.converter = converter;
	}

	NatsMessageConverter converter() {
		return this.converter;
	}

	Encoded write(String name, Object value) {
		PayloadWriter writer = this.writers.computeIfAbsent(value.getClass(), this.converter::writerFor);
		try {
			return new Encoded(writer.write(value), writer.contentType());
		}
		catch (MessageConversionException ex) {
			throw new MessageConversionException("Could not convert the value for object '" + name
					+ "' in object store '" + this.bucket + "': " + ex.getMessage(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	<T> T read(String name, byte[] data, Headers headers, Class<T> type) {
		PayloadReader reader = this.readers.computeIfAbsent(type, this.converter::readerFor);
		try {
			return (T) reader.read(data, headers);
		}
		catch (MessageConversionException ex) {
			throw new MessageConversionException("Could not convert object '" + name + "' in object store '"
					+ this.bucket + "' to " + type.getName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A converted value.
	 *
	 * @param data the bytes to store
	 * @param contentType their content type, or {@code null}
	 */
	record Encoded(byte[] data, String contentType) {

	}

}
