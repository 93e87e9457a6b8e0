package io.github.natsboot.autoconfigure.service;

import io.github.natsboot.autoconfigure.NatsListenerProperties;
import io.github.natsboot.autoconfigure.NatsProperties;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.listener.NatsListenerInstrumentation;
import io.github.natsboot.listener.ReplySender;
import io.github.natsboot.service.NatsMicroService;
import io.github.natsboot.service.NatsMicroService.NatsServiceSettings;
import io.github.natsboot.service.ServiceNatsListenerContainerFactory;
import io.nats.client.Connection;
import io.nats.client.support.Validator;
import io.nats.service.Service;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that exposes core {@link io.github.natsboot.listener.NatsListener}
 * methods as endpoints of a NATS service when {@code nats.service.enabled=true}.
 */
@AutoConfiguration(after = NatsListenerAutoConfiguration.class)
@ConditionalOnClass({ Connection.class, Service.class })
@ConditionalOnBean({ Connection.class, ReplySender.class })
@ConditionalOnBooleanProperty("nats.service.enabled")
@EnableConfigurationProperties(NatsServiceProperties.class)
public final class NatsServiceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NatsMicroService natsMicroService(Connection connection, NatsServiceProperties serviceProperties,
			NatsProperties properties, Environment environment, ObjectProvider<BuildProperties> buildProperties) {
		return new NatsMicroService(connection, new NatsServiceSettings(name(serviceProperties, environment),
				version(serviceProperties, environment, buildProperties), serviceProperties.getDescription(),
				serviceProperties.getMetadata(), properties.getListener().getStopTimeout()));
	}

	@Bean
	@Order(1000)
	@ConditionalOnMissingBean
	ServiceNatsListenerContainerFactory natsServiceListenerContainerFactory(Connection connection,
			ReplySender replySender, NatsMicroService natsMicroService, NatsProperties properties,
			ObjectProvider<NatsListenerInstrumentation> instrumentation) {
		NatsListenerProperties listener = properties.getListener();
		ServiceNatsListenerContainerFactory factory = new ServiceNatsListenerContainerFactory(connection, replySender,
				natsMicroService);
		factory.setInstrumentation(instrumentation.getIfUnique(() -> NatsListenerInstrumentation.NONE));
		factory.setPendingMessages(listener.getPendingMessages());
		factory.setPendingBytes(listener.getPendingBytes().toBytes());
		factory.setStopTimeout(listener.getStopTimeout());
		return factory;
	}

	private static String name(NatsServiceProperties properties, Environment environment) {
		String name = StringUtils.hasText(properties.getName()) ? properties.getName()
				: environment.getProperty("spring.application.name");
		if (!StringUtils.hasText(name)) {
			throw new InvalidConfigurationPropertyValueException("nats.service.name", null,
					"A NATS service needs a name: set nats.service.name or spring.application.name");
		}
		if (Validator.notRestrictedTerm(name)) {
			throw new InvalidConfigurationPropertyValueException("nats.service.name", name,
					"A NATS service name may only contain letters, digits, '-' and '_'");
		}
		return name;
	}

	private static String version(NatsServiceProperties properties, Environment environment,
			ObjectProvider<BuildProperties> buildProperties) {
		String version = properties.getVersion();
		if (!StringUtils.hasText(version)) {
			version = environment.getProperty("spring.application.version");
		}
		if (!StringUtils.hasText(version)) {
			BuildProperties build = buildProperties.getIfAvailable();
			version = (build != null && StringUtils.hasText(build.getVersion())) ? build.getVersion() : "0.0.0";
		}
		if (!Validator.isSemVer(version)) {
			throw new InvalidConfigurationPropertyValueException("nats.service.version", version,
					"A NATS service version must be a semantic version such as 1.4.0 or 2.0.0-rc.1");
		}
		return version;
	}

}
