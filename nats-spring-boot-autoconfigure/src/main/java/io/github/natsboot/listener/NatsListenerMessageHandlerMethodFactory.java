package io.github.natsboot.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.github.natsboot.core.convert.NatsMessageConverter;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.validation.Validator;

/**
 * The spring-messaging {@link MessageHandlerMethodFactory} that listener methods are
 * invoked through: Spring's own argument resolvers ({@code @Payload}, {@code @Header},
 * {@code @Headers}, {@code Message<T>}) with the starter's payload conversion and the
 * application's validator.
 * <p>
 * The handler methods it creates work out, once per parameter, how each argument is
 * obtained: the NATS message and its acknowledgment are passed as they are, a plain
 * payload is read by the reader of its type, and every other parameter is resolved by
 * the Spring resolver that supports it, found once. Nothing is looked up per message.
 */
public class NatsListenerMessageHandlerMethodFactory extends DefaultMessageHandlerMethodFactory {

	private final NatsMessageConverter converter;

	private final Validator validator;

	private List<HandlerMethodArgumentResolver> resolvers = List.of();

	/**
	 * Create a factory; call {@link #afterPropertiesSet()} before use, or use
	 * {@link #create(NatsMessageConverter, Validator, BeanFactory)}.
	 * @param converter the payload converter
	 * @param validator the validator for {@code @Valid} payloads, or {@code null}
	 */
	public NatsListenerMessageHandlerMethodFactory(NatsMessageConverter converter, Validator validator) {
		this.converter = converter;
		this.validator = validator;
		setMessageConverter(new NatsMessagingMessageConverter(converter));
		setConversionService(new DefaultFormattingConversionService());
		if (validator != null) {
			setValidator(validator);
		}
	}

	/**
	 * Create and initialize a factory.
	 * @param converter the payload converter
	 * @param validator the validator for {@code @Valid} payloads, or {@code null}
	 * @param beanFactory the bean factory for header default values
	 * @return the factory
	 */
	public static NatsListenerMessageHandlerMethodFactory create(NatsMessageConverter converter, Validator validator,
			BeanFactory beanFactory) {
		NatsListenerMessageHandlerMethodFactory factory = new NatsListenerMessageHandlerMethodFactory(converter,
				validator);
		factory.setBeanFactory(beanFactory);
		factory.afterPropertiesSet();
		return factory;
	}

	/**
	 * The converter that payloads are read with.
	 * @return the payload converter
	 */
	public NatsMessageConverter getConverter() {
		return this.converter;
	}

	/**
	 * Keeps the resolvers Spring configures, so that handler methods can pick theirs, with
	 * the resolver of {@link io.github.natsboot.kv.KeyValueChange} parameters first.
	 */
	@Override
	protected List<HandlerMethodArgumentResolver> initArgumentResolvers() {
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(super.initArgumentResolvers());
		resolvers.add(0, new KeyValueChangeArgumentResolver(this.converter));
		this.resolvers = List.copyOf(resolvers);
		return resolvers;
	}

	/**
	 * Create a handler method whose arguments are worked out once; a plain Spring one
	 * when resolvers were set with {@link #setArgumentResolvers(List)}.
	 */
	@Override
	public InvocableHandlerMethod createInvocableHandlerMethod(Object bean, Method method) {
		InvocableHandlerMethod handlerMethod = super.createInvocableHandlerMethod(bean, method);
		if (this.resolvers.isEmpty()) {
			return handlerMethod;
		}
		return new NatsInvocableHandlerMethod(handlerMethod, this.resolvers,
				ListenerArguments.prepare(handlerMethod, this.resolvers, this.converter, this.validator != null));
	}

}
