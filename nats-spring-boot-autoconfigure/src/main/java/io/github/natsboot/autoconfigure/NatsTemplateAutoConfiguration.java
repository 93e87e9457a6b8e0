package io.github.natsboot.autoconfigure;

import io.github.natsboot.core.NatsOperations;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.core.NatsTemplateMetrics;
import io.github.natsboot.core.convert.DefaultNatsMessageConverter;
import io.github.natsboot.core.convert.JsonCodec;
import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.jetstream.JetStreamReader;
import io.github.natsboot.metrics.NatsTemplateObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link NatsTemplate}, the {@link JetStreamReader} and payload
 * conversion.
 */
@AutoConfiguration(after = NatsAutoConfiguration.class,
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration" })
@ConditionalOnClass(Connection.class)
@ConditionalOnBean(Connection.class)
@Import({ NatsJsonCodecConfigurations.ApplicationJackson3.class, NatsJsonCodecConfigurations.ApplicationJackson2.class,
		NatsJsonCodecConfigurations.DefaultJackson3.class, NatsJsonCodecConfigurations.DefaultJackson2.class })
public final class NatsTemplateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NatsMessageConverter natsMessageConverter(ObjectProvider<JsonCodec> jsonCodec) {
		return new DefaultNatsMessageConverter(jsonCodec.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean(NatsOperations.class)
	NatsTemplate natsTemplate(Connection connection, NatsMessageConverter natsMessageConverter,
			NatsProperties properties, ObjectProvider<NatsTemplateMetrics> metrics,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NatsTemplateObservationConvention> observationConvention) {
		return createTemplate(connection, natsMessageConverter, properties,
				metrics.getIfUnique(() -> NatsTemplateMetrics.NONE), observationRegistry, observationConvention);
	}

	@Bean
	static NatsNamedConnectionBeans natsNamedConnectionTemplates() {
		return NatsNamedConnectionBeans.of("NatsTemplate", NatsTemplate.class,
				(connection, beanFactory) -> createTemplate(
						NatsNamedConnectionBeans.connection(beanFactory, connection.name()),
						beanFactory.getBean(NatsMessageConverter.class), connection.properties(),
						beanFactory.getBeanProvider(NatsTemplateMetrics.class)
							.getIfUnique(() -> NatsTemplateMetrics.NONE)
							.forConnection(connection.name()),
						beanFactory.getBeanProvider(ObservationRegistry.class),
						beanFactory.getBeanProvider(NatsTemplateObservationConvention.class)));
	}

	private static NatsTemplate createTemplate(Connection connection, NatsMessageConverter natsMessageConverter,
			NatsConnectionProperties properties, NatsTemplateMetrics metrics,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NatsTemplateObservationConvention> observationConvention) {
		NatsTemplateProperties settings = properties.getTemplate();
		NatsTemplate template = new NatsTemplate(connection, natsMessageConverter, settings.getRequestTimeout(),
				settings.getJetstream().getPublishTimeout(), settings.getJetstream().getMaxInFlight());
		template.setMetrics(metrics);
		if (settings.isObservationEnabled()) {
			template.setObservationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
			template.setObservationConvention(observationConvention.getIfUnique());
			template.setObservationEnabled(true);
		}
		return template;
	}

	@Bean
	@ConditionalOnMissingBean
	JetStreamReader jetStreamReader(Connection connection, NatsMessageConverter natsMessageConverter) {
		return new JetStreamReader(connection, natsMessageConverter);
	}

}
