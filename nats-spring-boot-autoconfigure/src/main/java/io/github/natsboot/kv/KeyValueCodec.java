package io.github.natsboot.kv;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.core.convert.PayloadReader;
import io.github.natsboot.core.convert.PayloadWriter;

import org.springframework.messaging.converter.MessageConversionException;

/**
 * Converts the values of one bucket with a {@link NatsMessageConverter}, looking up the
 * writer and reader of each class once. Entries carry no headers, so values are read
 * without a content type.
 */
final class KeyValueCodec {

	private final String bucket;

	private final NatsMessageConverter converter;

	private final Map<Class<?>, PayloadWriter> writers = new ConcurrentHashMap<>();

	private final Map<Class<?>, PayloadReader> readers = new ConcurrentHashMap<>();

	KeyValueCodec(String bucket, NatsMessageConverter converter) {
		this.bucket = bucket;
		this.converter = converter;
	}

	byte[] write(String key, Object value) {
		PayloadWriter writer = this.writers.computeIfAbsent(value.getClass(), this.converter::writerFor);
		try {
			return writer.write(value);
		}
		catch (MessageConversionException ex) {
			throw new MessageConversionException("Could not convert the value for key '" + key + "' in bucket '"
					+ this.bucket + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * Read a stored value. A value stored empty is read from an empty array: {@code ""}
	 * as a {@code String}, an empty {@code byte[]}, {@code null} as JSON.
	 */
	@SuppressWarnings("unchecked")
	<T> T read(String key, long revision, byte[] data, Class<T> type) {
		PayloadReader reader = this.readers.computeIfAbsent(type, this.converter::readerFor);
		try {
			return (T) reader.read((data != null) ? data : new byte[0], null);
		}
		catch (MessageConversionException ex) {
			throw new MessageConversionException("Could not convert the value of key '" + key + "' (revision "
					+ revision + ") in bucket '" + this.bucket + "' to " + type.getName() + ": " + ex.getMessage(), ex);
		}
	}

}
