package io.github.natsboot.test;

import java.util.Arrays;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What {@link EmbeddedNatsExtension} needs from Spring's JUnit integration. Spring types are only
 * touched in the nested class, and only when spring-test is on the class path.
 */
final class SpringTestSupport {

	private static final boolean SPRING_TEST_PRESENT = isPresent(
			"org.springframework.test.context.junit.jupiter.SpringExtension");

	private SpringTestSupport() {
	}

	/**
	 * Tells whether the {@code SpringExtension} runs a test class: declared with
	 * {@code @ExtendWith} (directly or through {@code @SpringBootTest}, {@code @SpringJUnitConfig}
	 * and the like) or registered in a field, on the class or on a class that encloses a
	 * {@code @Nested} one.
	 */
	static boolean isSpringTest(Class<?> testClass) {
		if (!SPRING_TEST_PRESENT) {
			return false;
		}
		for (Class<?> candidate = testClass; candidate != null; candidate = EmbeddedNatsExtension
			.enclosingOfInner(candidate)) {
			if (Spring.declaresSpringExtension(candidate)) {
				return true;
			}
		}
		return false;
	}

	static boolean springResolves(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return Spring.resolves(parameterContext, extensionContext);
	}

	static NatsCluster cluster(ExtensionContext context) {
		return Spring.cluster(context);
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, SpringTestSupport.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static final class Spring {

		static boolean declaresSpringExtension(Class<?> testClass) {
			boolean extendWith = AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class)
				.stream()
				.flatMap((annotation) -> Arrays.stream(annotation.value()))
				.anyMatch(SpringExtension.class::isAssignableFrom);
			return extendWith || !AnnotationSupport
				.findAnnotatedFields(testClass, RegisterExtension.class,
						(field) -> SpringExtension.class.isAssignableFrom(field.getType()),
						HierarchyTraversalMode.TOP_DOWN)
				.isEmpty();
		}

		static boolean resolves(ParameterContext parameterContext, ExtensionContext extensionContext) {
			return new SpringExtension().supportsParameter(parameterContext, extensionContext);
		}

		static NatsCluster cluster(ExtensionContext context) {
			try {
				return SpringExtension.getApplicationContext(context).getBean(NatsCluster.class);
			}
			catch (NoSuchBeanDefinitionException ex) {
				throw new IllegalStateException("The application context of "
						+ context.getRequiredTestClass().getName() + " has no NatsCluster bean: annotate the "
						+ "test class with @EmbeddedNats so that the Spring TestContext framework starts one", ex);
			}
		}

	}

}
