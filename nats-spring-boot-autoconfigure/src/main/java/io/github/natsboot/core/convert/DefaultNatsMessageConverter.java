package io.github.natsboot.core.convert;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.nats.client.impl.Headers;

import io.github.natsboot.core.NatsHeaders;

import org.springframework.messaging.converter.MessageConversionException;

/**
 * The standard conversion: {@code byte[]} as is, {@code String} as UTF-8 text, anything
 * else as JSON through the application's Jackson mapper.
 * <p>
 * Payloads are read as JSON whatever {@value NatsHeaders#CONTENT_TYPE} they declare (many
 * NATS publishers declare none); a payload that cannot be read fails with a
 * {@link PayloadConversionException} that gives its size and content type, never its
 * bytes.
 */
public class DefaultNatsMessageConverter implements NatsMessageConverter {

	/**
	 * Content type of text payloads.
	 */
	public static final String TEXT_PLAIN = "text/plain;charset=UTF-8";

	/**
	 * Content type of JSON payloads.
	 */
	public static final String APPLICATION_JSON = "application/json";

	private static final PayloadWriter BYTES_WRITER = new SimpleWriter((payload) -> (byte[]) payload, null);

	private static final PayloadWriter STRING_WRITER = new SimpleWriter(
			(payload) -> ((String) payload).getBytes(StandardCharsets.UTF_8), TEXT_PLAIN);

	private static final PayloadReader BYTES_READER = (data, headers) -> data;

	private static final PayloadReader STRING_READER = (data, headers) -> new String(data, StandardCharsets.UTF_8);

	private final JsonCodec json;

	private final ClassValue<PayloadWriter> writers = new ClassValue<>() {

		@Override
		protected PayloadWriter computeValue(Class<?> type) {
			return createWriter(type);
		}

	};

	private final Map<Type, PayloadReader> readers = new ConcurrentHashMap<>();

	/**
	 * Create a converter.
	 * @param json the JSON codec, or {@code null} when the application has no JSON
	 * library (then only {@code byte[]} and {@code String} payloads are supported)
	 */
	public DefaultNatsMessageConverter(JsonCodec json) {
		this.json = json;
	}

	@Override
	public PayloadWriter writerFor(Class<?> payloadType) {
		return this.writers.get(payloadType);
	}

	@Override
	public PayloadReader readerFor(Type targetType) {
		return this.readers.computeIfAbsent(targetType, this::createReader);
	}

	private PayloadWriter createWriter(Class<?> type) {
		if (type == byte[].class) {
			return BYTES_WRITER;
		}
		if (type == String.class) {
			return STRING_WRITER;
		}
		return new SimpleWriter(requireJson(type).writer(type), APPLICATION_JSON);
	}

	private PayloadReader createReader(Type type) {
		if (type == byte[].class) {
			return BYTES_READER;
		}
		if (type == String.class) {
			return STRING_READER;
		}
		Function<byte[], Object> reader = requireJson(type).reader(type);
		return (data, headers) -> {
			if (data == null || data.length == 0) {
				return null;
			}
			try {
				return reader.apply(data);
			}
			catch (RuntimeException ex) {
				throw explain(ex, data.length, headers, type);
			}
		};
	}

	private JsonCodec requireJson(Type type) {
		if (this.json == null) {
			throw new MessageConversionException("Cannot convert " + type.getTypeName()
					+ " payloads: only byte[] and String work without a JSON library; add Jackson "
					+ "(tools.jackson.core:jackson-databind or com.fasterxml.jackson.core:jackson-databind)");
		}
		return this.json;
	}

	/**
	 * The error for a payload that could not be read as JSON, with the content type the
	 * message declares. The content type is only looked at here, after a failure: reading
	 * a header costs a received message several cache misses (its headers were just built
	 * by the connection's reader thread).
	 */
	private static PayloadConversionException explain(RuntimeException ex, int payloadSize, Headers headers,
			Type type) {
		PayloadConversionException failure = (ex instanceof PayloadConversionException conversion) ? conversion
				: PayloadConversionException.unreadable(payloadSize, type, ex);
		return failure.withContentType((headers != null) ? headers.getFirst(NatsHeaders.CONTENT_TYPE) : null);
	}

	private record SimpleWriter(Function<Object, byte[]> writer, String contentType) implements PayloadWriter {

		@Override
		public byte[] write(Object payload) {
			return this.writer.apply(payload);
		}

	}

}
