package io.github.natsboot.core;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.core.convert.JacksonJsonCodec;
import io.github.natsboot.core.convert.Jackson2JsonCodec;
import io.github.natsboot.core.convert.JsonCodec;
import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.jetstream.JetStreamReader;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.converter.MessageConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

class NatsTemplateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class))
		.withBean(Connection.class, () -> mock(Connection.class));

	@Test
	void templateIsAutoConfiguredWithTheConfiguredTimeouts() {
		this.contextRunner.withPropertyValues("nats.template.request-timeout=750ms").run((context) -> {
			assertThat(context).hasSingleBean(NatsTemplate.class).hasSingleBean(NatsMessageConverter.class);
			assertThat(context.getBean(NatsTemplate.class).getRequestTimeout()).hasMillis(750);
		});
	}

	@Test
	void jetStreamReaderSharesTheTemplatesConverter() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(JetStreamReader.class)
			.getBean(JetStreamReader.class)
			.extracting("converter")
			.isSameAs(context.getBean(NatsMessageConverter.class)));
	}

	@Test
	void jetStreamReaderBacksOffWhenTheApplicationDefinesItsOwn() {
		this.contextRunner.withBean("myReader", JetStreamReader.class,
				() -> new JetStreamReader(mock(Connection.class), mock(NatsMessageConverter.class)))
			.run((context) -> assertThat(context).hasSingleBean(JetStreamReader.class).hasBean("myReader"));
	}

	@Test
	void templateBacksOffWhenTheApplicationDefinesItsOwnOperations() {
		this.contextRunner.withBean("myOperations", NatsOperations.class, () -> mock(NatsOperations.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NatsTemplate.class)
				.hasSingleBean(NatsOperations.class));
	}

	@Test
	void templateNeedsAConnection() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsTemplateAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NatsTemplate.class));
	}

	@Test
	void maxInFlightBelowOneFailsStartup() {
		this.contextRunner.withPropertyValues("nats.template.jetstream.max-in-flight=0")
			.run((context) -> assertThat(context).getFailure().hasMessageContaining("maxInFlight"));
	}

	@Test
	void applicationsJackson3MapperIsUsedForJson() {
		this.contextRunner.withUserConfiguration(SnakeCaseJsonMapperConfiguration.class).run((context) -> {
			assertThat(context.getBean(JsonCodec.class)).isInstanceOf(JacksonJsonCodec.class);
			byte[] json = context.getBean(NatsMessageConverter.class).writerFor(Sample.class)
				.write(new Sample("x"));
			assertThat(new String(json)).isEqualTo("{\"some_value\":\"x\"}");
		});
	}

	@Test
	void bootsJackson3MapperIsPreferredWhenBothJacksonsAreAvailable() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, Jackson2AutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(JsonCodec.class)).isInstanceOf(JacksonJsonCodec.class));
	}

	@Test
	void applicationsJackson2MapperIsUsedWhenJackson3IsAbsent() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("tools.jackson"))
			.withConfiguration(AutoConfigurations.of(Jackson2AutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(JsonCodec.class)).isInstanceOf(Jackson2JsonCodec.class));
	}

	@Test
	void withoutJacksonOnlyTextAndBytesConvertAndObjectsFailClearly() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("tools.jackson", "com.fasterxml.jackson"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(JsonCodec.class);
				NatsMessageConverter converter = context.getBean(NatsMessageConverter.class);
				assertThat(converter.writerFor(String.class).write("hi")).containsExactly('h', 'i');
				assertThatExceptionOfType(MessageConversionException.class)
					.isThrownBy(() -> converter.writerFor(Sample.class))
					.withMessageContaining("add Jackson");
			});
	}

	record Sample(String someValue) {
	}

	@Configuration(proxyBeanMethods = false)
	static class SnakeCaseJsonMapperConfiguration {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		}

	}

}
