package io.github.natsboot.autoconfigure.metrics;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.core.NatsTemplateMetrics;
import io.github.natsboot.listener.NatsListenerInstrumentation;
import io.github.natsboot.listener.NatsListenerMetricsFactory;
import io.github.natsboot.metrics.MicrometerNatsTemplateMetrics;
import io.github.natsboot.metrics.NatsConnectionMetrics;
import io.github.natsboot.metrics.NatsJetStreamMetrics;
import io.github.natsboot.metrics.NatsLeaderMetrics;
import io.github.natsboot.metrics.NatsSlowConsumerCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class NatsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
				NatsListenerAutoConfiguration.class, NatsMetricsAutoConfiguration.class))
		.withBean(Connection.class, NatsMetricsAutoConfigurationTests::connection);

	private final ApplicationContextRunner withMeterRegistry = this.contextRunner
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new);

	private static Connection connection() {
		Connection connection = mock(Connection.class);
		when(connection.getOptions()).thenReturn(new Options.Builder().connectionName("orders").build());
		when(connection.getStatus()).thenReturn(Connection.Status.CONNECTED);
		return connection;
	}

	@Test
	void metricsBackOffWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(NatsTemplateMetrics.class)
				.doesNotHaveBean(NatsListenerMetricsFactory.class)
				.doesNotHaveBean(NatsConnectionMetrics.class);
			assertThat(context.getBean(NatsTemplate.class)).extracting("metrics").isSameAs(NatsTemplateMetrics.NONE);
		});
	}

	@Test
	void metricsBackOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NatsTemplateMetrics.class)
				.doesNotHaveBean(NatsSlowConsumerCounter.class));
	}

	@Test
	void meterRegistryGetsConnectionTemplateAndListenerMeters() {
		this.withMeterRegistry.run((context) -> {
			assertThat(context).hasSingleBean(NatsConnectionMetrics.class)
				.hasSingleBean(NatsJetStreamMetrics.class)
				.hasSingleBean(NatsListenerMetricsFactory.class)
				.doesNotHaveBean(NatsLeaderMetrics.class);
			assertThat(context.getBean(ErrorListener.class)).isInstanceOf(NatsSlowConsumerCounter.class);
			assertThat(context.getBean(NatsTemplate.class)).extracting("metrics")
				.isInstanceOf(MicrometerNatsTemplateMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("nats.connection.status").tags("connection", "default", "status", "connected")
				.gauge()
				.value()).isEqualTo(1);
			assertThat(registry.get("nats.template.publish").counters()).isNotEmpty();
			assertThat(registry.get("nats.template.request").timers()).isNotEmpty();
			assertThat(context.getBean(NatsListenerInstrumentation.class).isObserving()).isFalse();
		});
	}

	@Test
	void metricsCanBeTurnedOff() {
		this.withMeterRegistry.withPropertyValues("nats.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(NatsTemplateMetrics.class)
				.doesNotHaveBean(NatsConnectionMetrics.class)
				.doesNotHaveBean(NatsJetStreamMetrics.class));
	}

	@Test
	void applicationMetricsReplaceTheAutoConfiguredOnes() {
		NatsTemplateMetrics mine = new NatsTemplateMetrics() {
		};
		this.withMeterRegistry.withBean("myMetrics", NatsTemplateMetrics.class, () -> mine)
			.run((context) -> assertThat(context.getBean(NatsTemplate.class)).extracting("metrics").isSameAs(mine));
	}

	@Test
	void observationsAreOffByDefault() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			assertThat(context.getBean(NatsTemplate.class)).extracting("observations").isNull();
			assertThat(context.getBean(NatsListenerInstrumentation.class).isObserving()).isFalse();
		});
	}

	@Test
	void observationPropertiesTurnObservationsOn() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("nats.template.observation-enabled=true", "nats.listener.observation-enabled=true")
			.run((context) -> {
				assertThat(context.getBean(NatsTemplate.class)).extracting("observations").isNotNull();
				assertThat(context.getBean(NatsListenerInstrumentation.class).isObserving()).isTrue();
			});
	}

	@Test
	void observationPropertiesWithoutAnObservationRegistryObserveNothing() {
		this.contextRunner
			.withPropertyValues("nats.template.observation-enabled=true", "nats.listener.observation-enabled=true")
			.run((context) -> {
				assertThat(context.getBean(NatsTemplate.class)).extracting("observations").isNull();
				assertThat(context.getBean(NatsListenerInstrumentation.class).isObserving()).isFalse();
			});
	}

}
