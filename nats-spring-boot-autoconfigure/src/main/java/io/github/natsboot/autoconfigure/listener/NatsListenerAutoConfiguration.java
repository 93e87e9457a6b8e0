package io.github.natsboot.autoconfigure.listener;

import io.github.natsboot.autoconfigure.NatsConnectionNames;
import io.github.natsboot.autoconfigure.NatsNamedConnectionBeans;
import io.github.natsboot.autoconfigure.NatsProperties;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamProperties;
import io.github.natsboot.core.OutgoingMessageFactory;
import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.listener.CoreNatsListenerContainerFactory;
import io.github.natsboot.listener.EnableNats;
import io.github.natsboot.listener.JetStreamNatsListenerContainerFactory;
import io.github.natsboot.listener.KeyValueNatsListenerContainerFactory;
import io.github.natsboot.listener.NatsListenerBootstrapConfiguration;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.listener.NatsListenerInstrumentation;
import io.github.natsboot.listener.NatsListenerMessageHandlerMethodFactory;
import io.github.natsboot.listener.NatsListenerMetricsFactory;
import io.github.natsboot.listener.NatsListenerPermissionViolations;
import io.github.natsboot.listener.ReplySender;
import io.github.natsboot.metrics.NatsListenerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.validation.Validator;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link io.github.natsboot.listener.NatsListener} methods.
 */
@AutoConfiguration(after = NatsTemplateAutoConfiguration.class)
@ConditionalOnClass({ Connection.class, MessageHandlerMethodFactory.class })
@ConditionalOnBean({ Connection.class, NatsMessageConverter.class })
public final class NatsListenerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReplySender natsReplySender(Connection connection, NatsMessageConverter natsMessageConverter) {
		return new ReplySender(connection, new OutgoingMessageFactory(natsMessageConverter));
	}

	@Bean(name = NatsListenerBootstrapConfiguration.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean(name = NatsListenerBootstrapConfiguration.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME)
	MessageHandlerMethodFactory natsListenerMessageHandlerMethodFactory(NatsMessageConverter natsMessageConverter,
			ObjectProvider<Validator> validators, org.springframework.beans.factory.BeanFactory beanFactory) {
		Validator validator = beanFactory.containsBean("defaultValidator")
				? beanFactory.getBean("defaultValidator", Validator.class) : validators.getIfUnique();
		return NatsListenerMessageHandlerMethodFactory.create(natsMessageConverter, validator, beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	NatsListenerInstrumentation natsListenerInstrumentation(NatsProperties properties,
			ObjectProvider<NatsListenerMetricsFactory> metricsFactory,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NatsListenerObservationConvention> observationConvention) {
		boolean observe = properties.getListener().isObservationEnabled();
		return new NatsListenerInstrumentation(metricsFactory.getIfUnique(() -> NatsListenerMetricsFactory.NONE),
				observe ? observationRegistry.getIfUnique() : null, observe ? observationConvention.getIfUnique() : null);
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnMissingBean
	CoreNatsListenerContainerFactory natsListenerContainerFactory(Connection connection, ReplySender replySender,
			NatsProperties properties, NatsListenerInstrumentation natsListenerInstrumentation) {
		return ListenerContainerFactories.core(NatsConnectionNames.DEFAULT, connection, replySender, properties,
				natsListenerInstrumentation);
	}

	@Bean
	@Order(0)
	@ConditionalOnMissingBean
	JetStreamNatsListenerContainerFactory natsJetStreamListenerContainerFactory(Connection connection,
			NatsProperties properties, NatsListenerInstrumentation natsListenerInstrumentation,
			ObjectProvider<NatsJetStreamProperties> jetStreamProperties) {
		return ListenerContainerFactories.jetStream(NatsConnectionNames.DEFAULT, connection, properties,
				natsListenerInstrumentation, jetStreamProperties.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	KeyValueNatsListenerContainerFactory natsKeyValueListenerContainerFactory(Connection connection,
			NatsProperties properties, NatsListenerInstrumentation natsListenerInstrumentation) {
		return ListenerContainerFactories.keyValue(NatsConnectionNames.DEFAULT, connection, properties,
				natsListenerInstrumentation);
	}

	@Bean
	static NatsNamedConnectionBeans natsNamedConnectionListenerContainerFactories() {
		return NatsNamedConnectionBeans
			.of("NatsReplySender", ReplySender.class,
					(connection, beanFactory) -> new ReplySender(
							NatsNamedConnectionBeans.connection(beanFactory, connection.name()),
							new OutgoingMessageFactory(beanFactory.getBean(NatsMessageConverter.class))))
			.and("NatsListenerContainerFactory", CoreNatsListenerContainerFactory.class,
					(connection, beanFactory) -> ListenerContainerFactories.core(connection.name(),
							NatsNamedConnectionBeans.connection(beanFactory, connection.name()),
							beanFactory.getBean(NatsConnectionNames.beanName(connection.name(), "NatsReplySender"),
									ReplySender.class),
							connection.properties(), beanFactory.getBean(NatsListenerInstrumentation.class)))
			.and("NatsJetStreamListenerContainerFactory", JetStreamNatsListenerContainerFactory.class,
					(connection, beanFactory) -> ListenerContainerFactories.jetStream(connection.name(),
							NatsNamedConnectionBeans.connection(beanFactory, connection.name()),
							connection.properties(), beanFactory.getBean(NatsListenerInstrumentation.class),
							connection.jetStream()))
			.and("NatsKeyValueListenerContainerFactory", KeyValueNatsListenerContainerFactory.class,
					(connection, beanFactory) -> ListenerContainerFactories.keyValue(connection.name(),
							NatsNamedConnectionBeans.connection(beanFactory, connection.name()),
							connection.properties(), beanFactory.getBean(NatsListenerInstrumentation.class)));
	}

	@Bean
	@ConditionalOnMissingBean
	NatsListenerPermissionViolations natsListenerPermissionViolations(
			@Qualifier(NatsListenerBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME) NatsListenerEndpointRegistry registry) {
		return new NatsListenerPermissionViolations(registry);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableNats
	@ConditionalOnMissingBean(name = NatsListenerBootstrapConfiguration.ANNOTATION_PROCESSOR_BEAN_NAME)
	static class EnableNatsConfiguration {

	}

}
