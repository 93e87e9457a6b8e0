package io.github.natsboot.cloud.stream.binder;

import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.cloud.stream.config.BindingHandlerAdvise;
import org.springframework.context.annotation.Bean;

/**
 * Lets {@code spring.cloud.stream.nats.default.*} give every NATS binding its defaults.
 */
@AutoConfiguration
public class NatsBinderMappingsConfiguration {

	@Bean
	BindingHandlerAdvise.MappingsProvider natsExtendedPropertiesDefaultMappingsProvider() {
		return () -> Map.of(ConfigurationPropertyName.of("spring.cloud.stream.nats.bindings"),
				ConfigurationPropertyName.of(NatsExtendedBindingProperties.DEFAULTS_PREFIX));
	}

}
