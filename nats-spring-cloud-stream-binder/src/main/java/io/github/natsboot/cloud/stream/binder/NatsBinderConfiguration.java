package io.github.natsboot.cloud.stream.binder;

import io.github.natsboot.autoconfigure.NatsConnectionNames;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.CoreNatsListenerContainerFactory;
import io.github.natsboot.listener.JetStreamNatsListenerContainerFactory;
import io.github.natsboot.listener.NatsListenerBootstrapConfiguration;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.nats.client.Connection;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

/**
 * The configuration of the {@code nats} binder (named in {@code META-INF/spring.binders}):
 * the binder and its provisioner, on the beans the starter auto-configured for the
 * connection {@code spring.cloud.stream.nats.binder.connection} names, or for the
 * default connection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(Binder.class)
@EnableConfigurationProperties({ NatsBinderConfigurationProperties.class, NatsExtendedBindingProperties.class })
public class NatsBinderConfiguration {

	@Bean
	NatsBinderProvisioner natsBinderProvisioner(NatsBinderConfigurationProperties binderProperties,
			BeanFactory beanFactory) {
		String connection = connectionName(binderProperties);
		return new NatsBinderProvisioner(bean(beanFactory, connection, "natsConnection", "NatsConnection", Connection.class),
				binderProperties,
				bean(beanFactory, connection, "natsJetStreamListenerContainerFactory",
						"NatsJetStreamListenerContainerFactory", JetStreamNatsListenerContainerFactory.class)
					.getAckWait(),
				connection);
	}

	@Bean
	NatsMessageChannelBinder natsMessageChannelBinder(NatsBinderProvisioner provisioner,
			NatsBinderConfigurationProperties binderProperties, NatsExtendedBindingProperties bindingProperties,
			BeanFactory beanFactory) {
		String connection = connectionName(binderProperties);
		NatsMessageChannelBinder binder = new NatsMessageChannelBinder(provisioner,
				bean(beanFactory, connection, "natsTemplate", "NatsTemplate", NatsTemplate.class),
				bean(beanFactory, connection, "natsListenerContainerFactory", "NatsListenerContainerFactory",
						CoreNatsListenerContainerFactory.class),
				bean(beanFactory, connection, "natsJetStreamListenerContainerFactory",
						"NatsJetStreamListenerContainerFactory", JetStreamNatsListenerContainerFactory.class),
				beanFactory.getBean(NatsListenerBootstrapConfiguration.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME,
						MessageHandlerMethodFactory.class),
				beanFactory.getBean(NatsListenerBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME,
						NatsListenerEndpointRegistry.class),
				connection);
		binder.setExtendedBindingProperties(bindingProperties);
		return binder;
	}

	private static String connectionName(NatsBinderConfigurationProperties properties) {
		return NatsConnectionNames.isDefault(properties.getConnection()) ? null : properties.getConnection();
	}

	/**
	 * One of the starter's beans for a connection: a named connection's by its name, the
	 * default connection's by its auto-configured name, or the only one of its type when
	 * the application replaced it under another name.
	 */
	private static <T> T bean(BeanFactory beanFactory, String connection, String defaultName, String namedSuffix,
			Class<T> type) {
		if (connection != null) {
			return beanFactory.getBean(NatsConnectionNames.beanName(connection, namedSuffix), type);
		}
		return beanFactory.containsBean(defaultName) ? beanFactory.getBean(defaultName, type)
				: beanFactory.getBean(type);
	}

}
