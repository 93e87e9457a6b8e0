package io.github.natsboot.metrics;

import java.time.Duration;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsObservationMetricsAutoConfiguration;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * With Spring Boot's observation and metrics auto-configurations, the observations of
 * the template and of listeners become the meters Boot's default meter handler would
 * record (a timer tagged with the low cardinality keys and {@code error}, a long task
 * timer {@code .active}), each observation recorded once, by the starter's handler, and
 * every other observation still by Boot's.
 */
@EmbeddedNats
class BootObservationMetersIntegrationTests {

	private final ApplicationContextRunner contextRunner;

	BootObservationMetersIntegrationTests(NatsServer server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsObservationMetricsAutoConfiguration.class,
					ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.template.observation-enabled=true", "nats.listener.observation-enabled=true")
			.withUserConfiguration(ObservedListener.class);
	}

	@Test
	void listenerObservationsAreTimedOnceWithTheirKeysAndError() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			for (int i = 0; i < 3; i++) {
				assertThat(template.request("observed.echo", "ok", String.class, Duration.ofSeconds(2))).isEqualTo("ok");
			}
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> template.request("observed.echo", "fail", String.class, Duration.ofSeconds(2)));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(listenerTimer(registry, "none").count()).isEqualTo(3);
				assertThat(listenerTimer(registry, "IllegalStateException").count()).isEqualTo(1);
			});
			assertThat(registry.find("nats.listener").timers()).as("one timer per error value, nothing twice")
				.hasSize(2);
			LongTaskTimer active = registry.get("nats.listener.active").tag("nats.listener.id", "echo").longTaskTimer();
			assertThat(active.activeTasks()).isZero();
			assertThat(context).hasSingleBean(NatsMeterObservationHandler.class);
		});
	}

	@Test
	void templateObservationsAreTimedWithTheirOperation() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			template.publish("observed.audit", "a");
			template.publish("observed.audit", "b");
			template.request("observed.echo", "ok", String.class, Duration.ofSeconds(2));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(templateTimer(registry, "publish").count()).isEqualTo(2);
			assertThat(templateTimer(registry, "request").count()).isEqualTo(1);
			assertThat(registry.get("nats.template.active").tag("messaging.operation", "publish").longTaskTimer())
				.isNotNull();
		});
	}

	@Test
	void otherObservationsStillGoToBootsDefaultMeterHandler() {
		this.contextRunner.run((context) -> {
			Observation.createNotStarted("orders.pricing", context.getBean(ObservationRegistry.class))
				.lowCardinalityKeyValue("kind", "batch")
				.observe(() -> {
				});
			Timer timer = context.getBean(MeterRegistry.class)
				.get("orders.pricing")
				.tag("kind", "batch")
				.tag("error", "none")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
		});
	}

	@Test
	void theLongTaskTimerFollowsBootsIgnoredMeters() {
		this.contextRunner.withPropertyValues("management.metrics.observations.ignored-meters=long-task-timer")
			.run((context) -> {
				context.getBean(NatsTemplate.class).publish("observed.audit", "a");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(templateTimer(registry, "publish").count()).isEqualTo(1);
				assertThat(registry.find("nats.template.active").longTaskTimers()).isEmpty();
			});
	}

	@Test
	void withoutBootsMetricsAutoConfigurationThereIsNoHandler() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsObservationMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NatsMeterObservationHandler.class));
	}

	private static Timer listenerTimer(MeterRegistry registry, String error) {
		return registry.get("nats.listener")
			.tag("messaging.system", "nats")
			.tag("messaging.operation", "process")
			.tag("messaging.destination.template", "observed.echo")
			.tag("nats.listener.id", "echo")
			.tag("error", error)
			.timer();
	}

	private static Timer templateTimer(MeterRegistry registry, String operation) {
		return registry.get("nats.template")
			.tag("messaging.system", "nats")
			.tag("messaging.operation", operation)
			.tag("error", "none")
			.timer();
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservedListener {

		@NatsListener(id = "echo", subjects = "observed.echo")
		String echo(String body) {
			if (body.equals("fail")) {
				throw new IllegalStateException("refused");
			}
			return body;
		}

	}

}
