package io.github.natsboot.listener;

import io.github.natsboot.core.convert.NatsMessageConverter;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.validation.Validator;

/**
 * Creates the spring-messaging {@link MessageHandlerMethodFactory} that listener methods
 * are invoked through: Spring's own argument resolvers ({@code @Payload},
 * {@code @Header}, {@code @Headers}, {@code Message<T>}) with the starter's payload
 * conversion and the application's validator.
 */
public final class NatsListenerMessageHandlerMethodFactory {

	private NatsListenerMessageHandlerMethodFactory() {
	}

	/**
	 * Create the factory.
	 * @param converter the payload converter
	 * @param validator the validator for {@code @Valid} payloads, or {@code null}
	 * @param beanFactory the bean factory for header default values
	 * @return the factory
	 */
	public static MessageHandlerMethodFactory create(NatsMessageConverter converter, Validator validator,
			BeanFactory beanFactory) {
		DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
		factory.setMessageConverter(new NatsMessagingMessageConverter(converter));
		factory.setConversionService(new DefaultFormattingConversionService());
		if (validator != null) {
			factory.setValidator(validator);
		}
		factory.setBeanFactory(beanFactory);
		factory.afterPropertiesSet();
		return factory;
	}

}
