package io.github.natsboot.reactive;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.reactive.NatsReactiveAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive template is auto-configured when Reactor is on the class path, takes the
 * listeners' pending limits and dead-letter subject, and backs off otherwise.
 */
@EmbeddedNats(jetStream = false)
class ReactiveNatsTemplateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner;

	ReactiveNatsTemplateAutoConfigurationTests(NatsServer server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsReactiveAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=2s");
	}

	@Test
	void reactiveTemplateIsAutoConfiguredOnTheTemplateWithTheListenersLimitsAndDeadLetterSubject() {
		this.contextRunner
			.withPropertyValues("nats.listener.pending-messages=100", "nats.listener.pending-bytes=2MB",
					"nats.listener.jetstream.dead-letter-subject=failed.{stream}")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveNatsOperations.class);
				ReactiveNatsTemplate template = context.getBean(ReactiveNatsTemplate.class);
				assertThat(template.getNatsTemplate()).isSameAs(context.getBean(NatsTemplate.class));
				assertThat(template).hasFieldOrPropertyWithValue("pendingMessages", 100L)
					.hasFieldOrPropertyWithValue("pendingBytes", 2L * 1024 * 1024)
					.hasFieldOrPropertyWithValue("deadLetterSubject", "failed.{stream}");
			});
	}

	@Test
	void reactiveTemplateIsAbsentWithoutReactor() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Flux.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NatsTemplate.class)
				.doesNotHaveBean(ReactiveNatsOperations.class));
	}

	@Test
	void reactiveTemplateBacksOffWhenTheApplicationDefinesItsOwnOperations() {
		this.contextRunner
			.withBean("myReactive", ReactiveNatsOperations.class,
					() -> new ReactiveNatsTemplate(new NatsTemplate(null, null)))
			.run((context) -> assertThat(context).hasSingleBean(ReactiveNatsOperations.class)
				.hasBean("myReactive")
				.doesNotHaveBean("reactiveNatsTemplate"));
	}

	@Test
	void reactiveTemplateNeedsATemplate() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(NatsReactiveAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveNatsOperations.class));
	}

}
