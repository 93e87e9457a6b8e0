package io.github.natsboot.listener;

import java.lang.reflect.Type;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.core.convert.PayloadReader;
import io.github.natsboot.kv.KeyValueChange;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * Resolves a {@link KeyValueChange KeyValueChange&lt;T&gt;} parameter of a
 * {@link NatsKeyValueListener} method: the change, with its value read by the
 * converter's reader for {@code T} (found once per parameter; {@code byte[]} when
 * {@code T} is not given).
 */
final class KeyValueChangeArgumentResolver implements PreparableArgumentResolver {

	private final NatsMessageConverter converter;

	KeyValueChangeArgumentResolver(NatsMessageConverter converter) {
		this.converter = converter;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == KeyValueChange.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
		if (message instanceof NatsSpringMessage natsMessage) {
			return prepare(parameter).resolve(natsMessage, null);
		}
		throw new MethodArgumentResolutionException(message, parameter,
				"A KeyValueChange parameter is only resolved for a @NatsKeyValueListener method");
	}

	@Override
	public ListenerArgument prepare(MethodParameter parameter) {
		ResolvableType valueType = ResolvableType.forMethodParameter(parameter).getGeneric(0);
		Type type = (valueType.resolve() != null) ? valueType.getType() : byte[].class;
		PayloadReader reader = this.converter.readerFor(type);
		String typeName = type.getTypeName();
		return (message, acknowledgment) -> {
			if (message.getNatsMessage() instanceof KeyValueChangeMessage change) {
				return change.toChange(reader, typeName);
			}
			throw new MethodArgumentResolutionException(message, parameter,
					"A KeyValueChange parameter is only resolved for a @NatsKeyValueListener method");
		};
	}

}
