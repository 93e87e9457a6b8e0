package io.github.natsboot.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Spring TestContext hook (registered in {@code META-INF/spring.factories}) that gives a test
 * class annotated with {@link EmbeddedNats}, or enclosed by one, an {@link EmbeddedNatsContextCustomizer}.
 */
class EmbeddedNatsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EmbeddedNats annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedNats.class);
		return (annotation != null) ? new EmbeddedNatsContextCustomizer(EmbeddedNatsSettings.of(annotation)) : null;
	}

}
