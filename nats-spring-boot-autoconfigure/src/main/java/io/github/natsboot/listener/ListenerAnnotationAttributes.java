package io.github.natsboot.listener;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

/**
 * Resolves the attributes of a listener annotation the way {@link NatsListener}'s are:
 * {@code ${...}} placeholders, then {@code #{...}} expressions; lists split on commas;
 * the error handler by bean name, else the unique {@link NatsListenerErrorHandler} bean,
 * else the logging one.
 */
final class ListenerAnnotationAttributes {

	private final ConfigurableListableBeanFactory beanFactory;

	private final BeanExpressionContext expressionContext;

	ListenerAnnotationAttributes(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		this.expressionContext = new BeanExpressionContext(beanFactory, null);
	}

	String resolve(String value) {
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		BeanExpressionResolver expressionResolver = this.beanFactory.getBeanExpressionResolver();
		if (resolved != null && expressionResolver != null) {
			Object evaluated = expressionResolver.evaluate(resolved, this.expressionContext);
			return (evaluated != null) ? evaluated.toString() : null;
		}
		return resolved;
	}

	/**
	 * Resolve a text attribute.
	 * @return the resolved value, or {@code null} when it is empty
	 */
	String resolveText(String value) {
		String resolved = resolve(value);
		return StringUtils.hasText(resolved) ? resolved.trim() : null;
	}

	List<String> resolveList(String[] values) {
		return Arrays.stream(values)
			.map(this::resolve)
			.flatMap((value) -> Arrays.stream(StringUtils.commaDelimitedListToStringArray(value)))
			.map(String::trim)
			.filter(StringUtils::hasText)
			.toList();
	}

	/**
	 * Resolve a boolean attribute.
	 * @throws IllegalArgumentException if it resolves to neither {@code true} nor
	 * {@code false}
	 */
	boolean resolveBoolean(String value, String attribute) {
		String resolved = resolveText(value);
		if ("true".equalsIgnoreCase(resolved)) {
			return true;
		}
		if ("false".equalsIgnoreCase(resolved)) {
			return false;
		}
		throw new IllegalArgumentException(attribute + " must be true or false, was '" + resolved + "'");
	}

	NatsListenerErrorHandler resolveErrorHandler(String value) {
		String name = resolveText(value);
		if (name != null) {
			return this.beanFactory.getBean(name, NatsListenerErrorHandler.class);
		}
		return this.beanFactory.getBeanProvider(NatsListenerErrorHandler.class)
			.getIfUnique(LoggingNatsListenerErrorHandler::new);
	}

	/**
	 * Parse a duration attribute of a listener.
	 * @param listener the listener, as error messages name it
	 * @param attribute the attribute's name
	 * @param value the resolved value
	 * @return the duration
	 * @throws IllegalStateException if it is not a duration
	 */
	static Duration parseDuration(String listener, String attribute, String value) {
		try {
			return DurationStyle.detectAndParse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("@NatsListener " + listener + ": '" + value + "' in " + attribute
					+ " is not a duration (use 500ms, 2s, 1m or ISO-8601)");
		}
	}

}
