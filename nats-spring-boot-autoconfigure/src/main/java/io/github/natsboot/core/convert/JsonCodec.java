package io.github.natsboot.core.convert;

import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * The JSON mapper behind payload conversion: Jackson 3 or Jackson 2, whichever the
 * application uses.
 */
public interface JsonCodec {

	/**
	 * Return a writer of values of the given class as JSON bytes.
	 * @param type the class of the values
	 * @return the writer, which throws
	 * {@link org.springframework.messaging.converter.MessageConversionException} on failure
	 */
	Function<Object, byte[]> writer(Class<?> type);

	/**
	 * Return a reader of JSON bytes as the given type.
	 * @param type the target type
	 * @return the reader, which throws
	 * {@link org.springframework.messaging.converter.MessageConversionException} on failure
	 */
	Function<byte[], Object> reader(Type type);

}
