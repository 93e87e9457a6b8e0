package io.github.natsboot.autoconfigure;

import io.github.natsboot.core.convert.JacksonJsonCodec;
import io.github.natsboot.core.convert.Jackson2JsonCodec;
import io.github.natsboot.core.convert.JsonCodec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the JSON mapper behind payload conversion, in this order: the application's
 * Jackson 3 {@code JsonMapper} bean, its Jackson 2 {@code ObjectMapper} bean, then a
 * default mapper of whichever Jackson is on the classpath.
 */
final class NatsJsonCodecConfigurations {

	private NatsJsonCodecConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
	@ConditionalOnBean(type = "tools.jackson.databind.json.JsonMapper")
	static class ApplicationJackson3 {

		@Bean
		@ConditionalOnMissingBean
		JsonCodec natsJsonCodec(tools.jackson.databind.json.JsonMapper jsonMapper) {
			return new JacksonJsonCodec(jsonMapper);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
	@ConditionalOnBean(type = "com.fasterxml.jackson.databind.ObjectMapper")
	static class ApplicationJackson2 {

		@Bean
		@ConditionalOnMissingBean
		JsonCodec natsJsonCodec(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
			return new Jackson2JsonCodec(objectMapper);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
	static class DefaultJackson3 {

		@Bean
		@ConditionalOnMissingBean
		JsonCodec natsJsonCodec() {
			return new JacksonJsonCodec(tools.jackson.databind.json.JsonMapper.builder().findAndAddModules().build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
	static class DefaultJackson2 {

		@Bean
		@ConditionalOnMissingBean
		JsonCodec natsJsonCodec() {
			return new Jackson2JsonCodec(new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules());
		}

	}

}
