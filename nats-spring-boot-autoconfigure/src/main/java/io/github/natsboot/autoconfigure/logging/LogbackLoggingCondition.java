package io.github.natsboot.autoconfigure.logging;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when SLF4J is bound to Logback, so that the application's loggers are Logback
 * loggers.
 */
class LogbackLoggingCondition extends SpringBootCondition {

	private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ClassLoader classLoader = context.getClassLoader();
		if (!ClassUtils.isPresent("org.slf4j.LoggerFactory", classLoader)
				|| !ClassUtils.isPresent(LOGBACK_CONTEXT, classLoader)) {
			return ConditionOutcome.noMatch("Logback is not on the classpath");
		}
		String factory = org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName();
		return LOGBACK_CONTEXT.equals(factory) ? ConditionOutcome.match("SLF4J is bound to Logback")
				: ConditionOutcome.noMatch("SLF4J is bound to " + factory + ", not Logback");
	}

}
