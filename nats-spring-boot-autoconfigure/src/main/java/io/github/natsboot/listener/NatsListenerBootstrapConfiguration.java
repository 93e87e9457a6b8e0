package io.github.natsboot.listener;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@link NatsListenerAnnotationBeanPostProcessor}, the
 * {@link NatsKeyValueListenerAnnotationBeanPostProcessor} and the
 * {@link NatsListenerEndpointRegistry} unless they are already defined.
 */
public class NatsListenerBootstrapConfiguration implements ImportBeanDefinitionRegistrar {

	/**
	 * Bean name of the annotation post-processor.
	 */
	public static final String ANNOTATION_PROCESSOR_BEAN_NAME = "io.github.natsboot.listener.internalNatsListenerAnnotationProcessor";

	/**
	 * Bean name of the {@link NatsKeyValueListener} annotation post-processor.
	 */
	public static final String KEY_VALUE_ANNOTATION_PROCESSOR_BEAN_NAME = "io.github.natsboot.listener.internalNatsKeyValueListenerAnnotationProcessor";

	/**
	 * Bean name of the {@link org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory}
	 * that creates the invocable listener methods.
	 */
	public static final String MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME = "natsListenerMessageHandlerMethodFactory";

	/**
	 * Bean name of the endpoint registry.
	 */
	public static final String ENDPOINT_REGISTRY_BEAN_NAME = "natsListenerEndpointRegistry";

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		if (!registry.containsBeanDefinition(ANNOTATION_PROCESSOR_BEAN_NAME)) {
			RootBeanDefinition definition = new RootBeanDefinition(NatsListenerAnnotationBeanPostProcessor.class);
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(ANNOTATION_PROCESSOR_BEAN_NAME, definition);
		}
		if (!registry.containsBeanDefinition(KEY_VALUE_ANNOTATION_PROCESSOR_BEAN_NAME)) {
			RootBeanDefinition definition = new RootBeanDefinition(NatsKeyValueListenerAnnotationBeanPostProcessor.class);
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(KEY_VALUE_ANNOTATION_PROCESSOR_BEAN_NAME, definition);
		}
		if (!registry.containsBeanDefinition(ENDPOINT_REGISTRY_BEAN_NAME)) {
			registry.registerBeanDefinition(ENDPOINT_REGISTRY_BEAN_NAME,
					new RootBeanDefinition(NatsListenerEndpointRegistry.class));
		}
	}

}
