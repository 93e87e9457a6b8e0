package io.github.natsboot.listener;

import java.time.Duration;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class NatsListenerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
				NatsListenerAutoConfiguration.class))
		.withBean(Connection.class, () -> mock(Connection.class));

	@Test
	void listenerInfrastructureIsAutoConfiguredWithoutEnableNats() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(NatsListenerEndpointRegistry.class)
			.hasSingleBean(NatsListenerAnnotationBeanPostProcessor.class)
			.hasSingleBean(CoreNatsListenerContainerFactory.class)
			.hasSingleBean(ReplySender.class)
			.hasBean(NatsListenerBootstrapConfiguration.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME));
	}

	@Test
	void containerFactoryTakesTheListenerProperties() {
		this.contextRunner
			.withPropertyValues("nats.listener.pending-messages=1000", "nats.listener.pending-bytes=2MB",
					"nats.listener.stop-timeout=3s")
			.run((context) -> {
				CoreNatsListenerContainerFactory factory = context.getBean(CoreNatsListenerContainerFactory.class);
				assertThat(ReflectionTestUtils.getField(factory, "pendingMessages")).isEqualTo(1000L);
				assertThat(ReflectionTestUtils.getField(factory, "pendingBytes")).isEqualTo(2L * 1024 * 1024);
				assertThat(ReflectionTestUtils.getField(factory, "stopTimeout")).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void userContainerFactoryReplacesTheDefault() {
		this.contextRunner
			.withBean("custom", CoreNatsListenerContainerFactory.class,
					() -> new CoreNatsListenerContainerFactory(mock(Connection.class), mock(ReplySender.class)))
			.run((context) -> assertThat(context).hasSingleBean(CoreNatsListenerContainerFactory.class)
				.hasBean("custom"));
	}

	@Test
	void listenersNeedAConnection() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NatsListenerEndpointRegistry.class));
	}

}
