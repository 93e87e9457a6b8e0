package io.github.natsboot.listener;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.core.convert.PayloadReader;
import io.nats.client.impl.NatsMessage;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.support.PayloadMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.ValidationAnnotationUtils;

/**
 * Works out, once per parameter of a listener method, the {@link ListenerArgument} that
 * resolves it, with the same outcome as spring-messaging's
 * {@link InvocableHandlerMethod#invoke(org.springframework.messaging.Message, Object...)}
 * given the NATS message and its acknowledgment as provided arguments:
 * <ul>
 * <li>a parameter whose resolver is a {@link PreparableArgumentResolver} gets what
 * that resolver prepared for it;</li>
 * <li>a parameter the NATS message or the acknowledgment can be passed to gets them
 * when they fit, as provided arguments do;</li>
 * <li>a plain payload (no {@code Optional}, no expression, no validation) is read by the
 * converter's reader for its type, found once; an empty payload or a payload read as
 * {@code null} goes to Spring's payload resolver, for its errors and defaults;</li>
 * <li>any other parameter is resolved by the first Spring resolver that supports it,
 * found once.</li>
 * </ul>
 */
final class ListenerArguments {

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	private ListenerArguments() {
	}

	/**
	 * Prepare the arguments of a method.
	 * @param method the listener method
	 * @param resolvers Spring's resolvers, in the order they are consulted
	 * @param converter the payload converter
	 * @param validating whether payloads are validated
	 * @return one argument per parameter
	 */
	static ListenerArgument[] prepare(InvocableHandlerMethod method, List<HandlerMethodArgumentResolver> resolvers,
			NatsMessageConverter converter, boolean validating) {
		MethodParameter[] parameters = method.getMethodParameters();
		ListenerArgument[] arguments = new ListenerArgument[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			MethodParameter parameter = parameters[i];
			parameter.initParameterNameDiscovery(PARAMETER_NAMES);
			HandlerMethodArgumentResolver resolver = resolvers.stream()
				.filter((candidate) -> candidate.supportsParameter(parameter))
				.findFirst()
				.orElse(null);
			ListenerArgument bySpring = bySpring(parameter, resolver);
			if (resolver instanceof PreparableArgumentResolver preparable) {
				arguments[i] = preparable.prepare(parameter);
			}
			else if (mayBeProvided(parameter.getParameterType())) {
				arguments[i] = provided(parameter.getParameterType(), bySpring);
			}
			else if (isPlainPayload(parameter, resolver, validating)) {
				arguments[i] = payload(parameter, converter, bySpring);
			}
			else {
				arguments[i] = bySpring;
			}
		}
		return arguments;
	}

	private static boolean mayBeProvided(Class<?> type) {
		return type.isAssignableFrom(NatsMessage.class) || io.nats.client.Message.class.isAssignableFrom(type)
				|| type.isAssignableFrom(JetStreamAcknowledgment.class) || NatsAcknowledgment.class.isAssignableFrom(type);
	}

	private static ListenerArgument provided(Class<?> type, ListenerArgument otherwise) {
		return (message, acknowledgment) -> {
			if (type.isInstance(message.getNatsMessage())) {
				return message.getNatsMessage();
			}
			if (type.isInstance(acknowledgment)) {
				return acknowledgment;
			}
			return otherwise.resolve(message, acknowledgment);
		};
	}

	private static boolean isPlainPayload(MethodParameter parameter, HandlerMethodArgumentResolver resolver,
			boolean validating) {
		if (!(resolver instanceof PayloadMethodArgumentResolver) || parameter.getParameterType() == Optional.class) {
			return false;
		}
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			if (annotation instanceof Payload payload && StringUtils.hasText(payload.expression())) {
				return false;
			}
			if (validating && ValidationAnnotationUtils.determineValidationHints(annotation) != null) {
				return false;
			}
		}
		return true;
	}

	private static ListenerArgument payload(MethodParameter parameter, NatsMessageConverter converter,
			ListenerArgument otherwise) {
		if (ClassUtils.isAssignable(parameter.getParameterType(), byte[].class)) {
			return (message, acknowledgment) -> {
				byte[] data = message.getNatsMessage().getData();
				return (data != null && data.length > 0) ? data : otherwise.resolve(message, acknowledgment);
			};
		}
		PayloadReader reader;
		try {
			reader = converter.readerFor(parameter.getGenericParameterType());
		}
		catch (MessageConversionException ex) {
			return otherwise;
		}
		return (message, acknowledgment) -> {
			io.nats.client.Message natsMessage = message.getNatsMessage();
			byte[] data = natsMessage.getData();
			if (data != null && data.length > 0) {
				Object value = reader.read(data, natsMessage.getHeaders());
				if (value != null) {
					return value;
				}
			}
			return otherwise.resolve(message, acknowledgment);
		};
	}

	private static ListenerArgument bySpring(MethodParameter parameter, HandlerMethodArgumentResolver resolver) {
		if (resolver == null) {
			return (message, acknowledgment) -> {
				throw new MethodArgumentResolutionException(message, parameter, "Could not resolve parameter ["
						+ parameter.getParameterIndex() + "] in " + parameter.getExecutable().toGenericString()
						+ ": No suitable resolver");
			};
		}
		return (message, acknowledgment) -> resolver.resolveArgument(parameter, message);
	}

}
