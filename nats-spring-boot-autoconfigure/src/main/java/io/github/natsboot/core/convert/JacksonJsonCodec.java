package io.github.natsboot.core.convert;

import java.lang.reflect.Type;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.converter.MessageConversionException;

/**
 * {@link JsonCodec} backed by a Jackson 3 {@link JsonMapper}, Spring Boot 4's default.
 */
public class JacksonJsonCodec implements JsonCodec {

	private final JsonMapper mapper;

	/**
	 * Create a codec using the given mapper.
	 * @param mapper the application's mapper
	 */
	public JacksonJsonCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Function<Object, byte[]> writer(Class<?> type) {
		ObjectWriter writer = this.mapper.writerFor(type);
		return (value) -> {
			try {
				return writer.writeValueAsBytes(value);
			}
			catch (JacksonException ex) {
				throw new MessageConversionException("Could not write " + type.getName() + " as JSON: "
						+ ex.getOriginalMessage(), ex);
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
				throw PayloadConversionException.notMatching(data.length, type, path(ex), ex);
			}
			catch (StreamReadException ex) {
				throw PayloadConversionException.notJson(data.length, type, ex);
			}
			catch (DatabindException ex) {
				throw PayloadConversionException.notMatching(data.length, type, path(ex), ex);
			}
			catch (JacksonException ex) {
				throw PayloadConversionException.unreadable(data.length, type, ex);
			}
		};
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			JsonPaths.append(path, reference.getPropertyName(), reference.getIndex());
		}
		return path.toString();
	}

}
