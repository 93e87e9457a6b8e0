package io.github.natsboot.listener;

import java.lang.reflect.Type;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.nats.client.impl.Headers;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Lets spring-messaging's argument resolvers ({@code @Payload}, {@code Message<T>})
 * convert payloads with the same {@link NatsMessageConverter} the template uses, so that
 * a listener reads exactly what the template writes.
 */
final class NatsMessagingMessageConverter implements SmartMessageConverter {

	private final NatsMessageConverter converter;

	NatsMessagingMessageConverter(NatsMessageConverter converter) {
		this.converter = converter;
	}

	@Override
	public Object fromMessage(Message<?> message, Class<?> targetClass) {
		return fromMessage(message, targetClass, null);
	}

	@Override
	public Object fromMessage(Message<?> message, Class<?> targetClass, Object conversionHint) {
		Type targetType = targetType(targetClass, conversionHint);
		Headers headers = (message instanceof NatsSpringMessage natsMessage)
				? natsMessage.getNatsMessage().getHeaders() : null;
		return this.converter.readerFor(targetType).read((byte[]) message.getPayload(), headers);
	}

	private static Type targetType(Class<?> targetClass, Object conversionHint) {
		if (conversionHint instanceof MethodParameter parameter) {
			MethodParameter nested = parameter.nestedIfOptional();
			if (Message.class.isAssignableFrom(nested.getParameterType())) {
				return ResolvableType.forMethodParameter(nested).getGeneric().getType();
			}
			return nested.getNestedGenericParameterType();
		}
		return targetClass;
	}

	@Override
	public Message<?> toMessage(Object payload, MessageHeaders headers) {
		return toMessage(payload, headers, null);
	}

	@Override
	public Message<?> toMessage(Object payload, MessageHeaders headers, Object conversionHint) {
		byte[] data = this.converter.writerFor(payload.getClass()).write(payload);
		return MessageBuilder.withPayload(data).copyHeaders(headers).build();
	}

}
