package io.github.natsboot.listener;

import java.util.List;
import java.util.Optional;

import io.github.natsboot.kv.KeyValueChange;
import io.github.natsboot.kv.KeyValueNames;
import io.nats.client.impl.NatsMessage;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.StringUtils;

/**
 * Finds {@link NatsKeyValueListener} methods on beans, resolves and checks their
 * attributes once, and registers a {@link KeyValueListenerEndpoint} per method with the
 * {@link NatsListenerEndpointRegistry}, whose container is created by the
 * {@link KeyValueNatsListenerContainerFactory} of the method's connection. Methods are
 * invoked through the same {@code MessageHandlerMethodFactory} as {@link NatsListener}
 * methods.
 */
public class NatsKeyValueListenerAnnotationBeanPostProcessor
		extends AbstractListenerAnnotationBeanPostProcessor<NatsKeyValueListener> {

	/**
	 * Create a post-processor for {@link NatsKeyValueListener} methods.
	 */
	public NatsKeyValueListenerAnnotationBeanPostProcessor() {
		super(NatsKeyValueListener.class);
	}

	@Override
	protected void register(AnnotatedMethod<NatsKeyValueListener> annotated) {
		KeyValueListenerEndpoint endpoint = createEndpoint(annotated);
		KeyValueNatsListenerContainerFactory factory = getBeanFactory()
			.getBeanProvider(KeyValueNatsListenerContainerFactory.class)
			.orderedStream()
			.filter((candidate) -> candidate.supports(endpoint))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No KeyValueNatsListenerContainerFactory bean can run the key-value listener " + annotated.describe()
							+ ((endpoint.getConnection() != null) ? " on the connection '" + endpoint.getConnection()
									+ "': is it configured under nats.connections?" : "")));
		getBeanFactory().getBean(NatsListenerEndpointRegistry.class).registerListenerContainer(endpoint, factory);
	}

	private KeyValueListenerEndpoint createEndpoint(AnnotatedMethod<NatsKeyValueListener> annotated) {
		NatsKeyValueListener annotation = annotated.annotation();
		String id = getAttributes().resolveText(annotation.id());
		if (id == null) {
			id = annotated.beanName() + "." + annotated.method().getName();
		}
		String bucket = getAttributes().resolveText(annotation.bucket());
		List<String> keys = getAttributes().resolveList(annotation.keys()).stream().distinct().toList();
		try {
			KeyValueNames.validateBucket(bucket);
			if (keys.isEmpty()) {
				throw new IllegalArgumentException("no keys to watch (leave keys out to watch every key)");
			}
			keys.forEach((key) -> KeyValueNames.validatePattern(bucket, key));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(annotated, ex.getMessage());
		}
		boolean includeDeletes = resolveBoolean(annotated, annotation.includeDeletes(), "includeDeletes");
		boolean autoStartup = resolveBoolean(annotated, annotation.autoStartup(), "autoStartup");
		MessageHandlerMethodFactory handlerMethodFactory = getBeanFactory().getBean(
				NatsListenerBootstrapConfiguration.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME,
				MessageHandlerMethodFactory.class);
		InvocableHandlerMethod handlerMethod = handlerMethodFactory.createInvocableHandlerMethod(annotated.bean(),
				annotated.method());
		NatsListenerAdapter adapter = new NatsListenerAdapter(id, handlerMethod,
				getAttributes().resolveErrorHandler(annotation.errorHandler()));
		if (adapter.isAsync()) {
			throw invalid(annotated, "a key-value listener handles one change at a time and cannot return "
					+ handlerMethod.getReturnType().getParameterType().getSimpleName() + "; return void");
		}
		if (includeDeletes) {
			for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
				if (isRequiredValue(parameter)) {
					throw invalid(annotated, "deletes and purges, which have no value, reach the method: declare the "
							+ parameter.getParameterType().getSimpleName() + " parameter at index "
							+ parameter.getParameterIndex() + " @Payload(required = false), take a "
							+ "KeyValueChange<T> instead, or set includeDeletes = \"false\"");
				}
			}
		}
		String connection = getAttributes().resolveText(annotation.connection());
		return new KeyValueListenerEndpoint(id, bucket, keys, annotation.start(), includeDeletes, autoStartup, adapter,
				(connection != null && !"default".equals(connection)) ? connection : null);
	}

	private boolean resolveBoolean(AnnotatedMethod<NatsKeyValueListener> annotated, String value, String attribute) {
		try {
			return getAttributes().resolveBoolean(value, attribute);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(annotated, ex.getMessage());
		}
	}

	/**
	 * Whether a parameter receives the value and cannot be {@code null}: a plain or
	 * {@code @Payload} parameter that is required, or a spring-messaging {@code Message}
	 * of anything but bytes.
	 */
	private static boolean isRequiredValue(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		if (type == KeyValueChange.class || type == Optional.class || type.isAssignableFrom(NatsMessage.class)
				|| io.nats.client.Message.class.isAssignableFrom(type) || MessageHeaders.class.isAssignableFrom(type)
				|| NatsAcknowledgment.class.isAssignableFrom(type) || parameter.hasParameterAnnotation(Header.class)
				|| parameter.hasParameterAnnotation(Headers.class)) {
			return false;
		}
		if (Message.class.isAssignableFrom(type)) {
			Class<?> payloadType = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve(Object.class);
			return payloadType != byte[].class && payloadType != Object.class;
		}
		Payload payload = parameter.getParameterAnnotation(Payload.class);
		return payload == null || (payload.required() && !StringUtils.hasText(payload.expression()));
	}

	private static IllegalStateException invalid(AnnotatedMethod<NatsKeyValueListener> annotated, String problem) {
		return new IllegalStateException("@NatsKeyValueListener " + annotated.describe() + ": " + problem);
	}

}
