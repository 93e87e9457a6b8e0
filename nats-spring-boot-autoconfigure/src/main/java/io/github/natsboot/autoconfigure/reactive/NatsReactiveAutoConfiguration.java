package io.github.natsboot.autoconfigure.reactive;

import io.github.natsboot.autoconfigure.NatsConnectionNames;
import io.github.natsboot.autoconfigure.NatsConnectionProperties;
import io.github.natsboot.autoconfigure.NatsListenerProperties;
import io.github.natsboot.autoconfigure.NatsNamedConnectionBeans;
import io.github.natsboot.autoconfigure.NatsProperties;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.reactive.ReactiveNatsOperations;
import io.github.natsboot.reactive.ReactiveNatsTemplate;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link ReactiveNatsTemplate}, when Reactor is on the class
 * path. Subscriptions take the pending limits of listeners
 * ({@code nats.listener.pending-*}) and unconvertible JetStream messages go to the
 * listeners' dead-letter subject ({@code nats.listener.jetstream.dead-letter-subject}).
 */
@AutoConfiguration(after = NatsTemplateAutoConfiguration.class)
@ConditionalOnClass(Flux.class)
@ConditionalOnBean(NatsTemplate.class)
public final class NatsReactiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveNatsOperations.class)
	ReactiveNatsTemplate reactiveNatsTemplate(NatsTemplate natsTemplate, NatsProperties properties) {
		return createTemplate(natsTemplate, properties);
	}

	@Bean
	static NatsNamedConnectionBeans natsNamedConnectionReactiveTemplates() {
		return NatsNamedConnectionBeans.of("ReactiveNatsTemplate", ReactiveNatsTemplate.class,
				(connection, beanFactory) -> createTemplate(
						beanFactory.getBean(NatsConnectionNames.beanName(connection.name(), "NatsTemplate"),
								NatsTemplate.class),
						connection.properties()));
	}

	private static ReactiveNatsTemplate createTemplate(NatsTemplate natsTemplate, NatsConnectionProperties properties) {
		NatsListenerProperties listener = properties.getListener();
		ReactiveNatsTemplate template = new ReactiveNatsTemplate(natsTemplate);
		template.setPendingLimits(listener.getPendingMessages(), listener.getPendingBytes().toBytes());
		template.setDeadLetterSubject(listener.getJetstream().getDeadLetterSubject());
		return template;
	}

}
