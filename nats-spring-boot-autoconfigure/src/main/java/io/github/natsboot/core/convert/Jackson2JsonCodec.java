package io.github.natsboot.core.convert;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.function.Function;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.springframework.messaging.converter.MessageConversionException;

/**
 * {@link JsonCodec} backed by a Jackson 2 {@link ObjectMapper}, for applications that
 * still use {@code com.fasterxml.jackson.core:jackson-databind}.
 */
public class Jackson2JsonCodec implements JsonCodec {

	private final ObjectMapper mapper;

	/**
	 * Create a codec using the given mapper.
	 * @param mapper the application's mapper
	 */
	public Jackson2JsonCodec(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Function<Object, byte[]> writer(Class<?> type) {
		ObjectWriter writer = this.mapper.writerFor(type);
		return (value) -> {
			try {
				return writer.writeValueAsBytes(value);
			}
			catch (IOException ex) {
				throw new MessageConversionException("Could not write " + type.getName() + " as JSON: "
						+ ex.getMessage(), ex);
			}
		};
	}

	@Override
	public Function<byte[], Object> reader(Type type) {
		ObjectReader reader = this.mapper.readerFor(this.mapper.constructType(type));
		return (data) -> {
			try {
				return reader.readValue(data);
			}
			catch (InputCoercionException ex) {
				throw PayloadConversionException.notMatching(data.length, type, "", ex);
			}
			catch (StreamReadException ex) {
				throw PayloadConversionException.notJson(data.length, type, ex);
			}
			catch (JsonMappingException ex) {
				throw PayloadConversionException.notMatching(data.length, type, path(ex), ex);
			}
			catch (IOException ex) {
				throw PayloadConversionException.unreadable(data.length, type, ex);
			}
		};
	}

	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : ex.getPath()) {
			JsonPaths.append(path, reference.getFieldName(), reference.getIndex());
		}
		return path.toString();
	}

}
