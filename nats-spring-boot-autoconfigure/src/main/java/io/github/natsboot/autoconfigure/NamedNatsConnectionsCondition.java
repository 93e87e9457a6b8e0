package io.github.natsboot.autoconfigure;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application configures connections under
 * {@code nats.connections.<name>}, beside the default one.
 */
public class NamedNatsConnectionsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Set<String> names = NatsConnectionNames.named(context.getEnvironment());
		return names.isEmpty() ? ConditionOutcome.noMatch("no connection is configured under nats.connections")
				: ConditionOutcome.match("named NATS connections " + names);
	}

	/**
	 * Matches when the application configures no connection under
	 * {@code nats.connections}.
	 */
	public static class None extends SpringBootCondition {

		private final NamedNatsConnectionsCondition named = new NamedNatsConnectionsCondition();

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome outcome = this.named.getMatchOutcome(context, metadata);
			return new ConditionOutcome(!outcome.isMatch(), outcome.getConditionMessage());
		}

	}

}
