package io.github.natsboot.autoconfigure.devserver;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code nats.servers} is not set in any form (a comma-separated value or indexed
 * entries): an application pointed at real servers never gets a dev server.
 */
class NoExplicitNatsServersCondition extends SpringBootCondition {

	private static final String SERVERS_PROPERTY = "nats.servers";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("NATS dev server");
		boolean configured = Binder.get(context.getEnvironment())
			.bind(SERVERS_PROPERTY, Bindable.listOf(String.class))
			.isBound();
		return configured ? ConditionOutcome.noMatch(message.because(SERVERS_PROPERTY + " is set"))
				: ConditionOutcome.match(message.because(SERVERS_PROPERTY + " is not set"));
	}

}
