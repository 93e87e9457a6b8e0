package io.github.natsboot.test;

import java.lang.reflect.Modifier;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit Jupiter extension behind {@link EmbeddedNats}.
 *
 * <p>For a plain test class it starts a {@link NatsCluster} before all tests (or earlier, when a
 * test-instance constructor asks for it), closes it after all tests, and shares it with
 * {@code @Nested} classes. For a Spring test class it starts nothing: the Spring TestContext
 * framework owns the cluster, and this extension only resolves parameters from the application
 * context. In both cases it resolves parameters of type {@link NatsCluster}, and of type
 * {@link NatsServer} (the first node).
 */
public class EmbeddedNatsExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(EmbeddedNatsExtension.class);

	private static final String CLUSTER_KEY = "cluster";

	/**
	 * Starts the cluster for a plain test class, unless an enclosing class already did.
	 * @param context the class-level extension context
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		if (!SpringTestSupport.isSpringTest(context.getRequiredTestClass())) {
			localCluster(context);
		}
	}

	/**
	 * Closes the cluster this class level started, if any.
	 * @param context the class-level extension context
	 */
	@Override
	public void afterAll(ExtensionContext context) {
		NatsCluster cluster = context.getStore(NAMESPACE).remove(CLUSTER_KEY, NatsCluster.class);
		if (cluster != null) {
			cluster.close();
		}
	}

	/**
	 * Supports parameters of type {@link NatsCluster} and {@link NatsServer}, except those the
	 * {@code SpringExtension} already resolves (such as {@code @Autowired} ones).
	 * @param parameterContext the parameter
	 * @param extensionContext the extension context
	 * @return whether this extension resolves the parameter
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		if (type != NatsCluster.class && type != NatsServer.class) {
			return false;
		}
		return !SpringTestSupport.isSpringTest(extensionContext.getRequiredTestClass())
				|| !SpringTestSupport.springResolves(parameterContext, extensionContext);
	}

	/**
	 * Resolves the test class's cluster, or its first node.
	 * @param parameterContext the parameter
	 * @param extensionContext the extension context
	 * @return the {@link NatsCluster} or {@link NatsServer}
	 */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		NatsCluster cluster = SpringTestSupport.isSpringTest(extensionContext.getRequiredTestClass())
				? SpringTestSupport.cluster(extensionContext) : localCluster(extensionContext);
		return (parameterContext.getParameter().getType() == NatsServer.class) ? cluster.server() : cluster;
	}

	private static NatsCluster localCluster(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent()) {
			classContext = classContext.getParent().orElseThrow();
		}
		EmbeddedNatsSettings settings = settings(classContext.getRequiredTestClass());
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(CLUSTER_KEY, (key) -> settings.start(), NatsCluster.class);
	}

	private static EmbeddedNatsSettings settings(Class<?> testClass) {
		for (Class<?> candidate = testClass; candidate != null; candidate = enclosingOfInner(candidate)) {
			Optional<EmbeddedNats> annotation = AnnotationSupport.findAnnotation(candidate, EmbeddedNats.class);
			if (annotation.isPresent()) {
				return EmbeddedNatsSettings.of(annotation.get());
			}
		}
		return EmbeddedNatsSettings.DEFAULTS;
	}

	static Class<?> enclosingOfInner(Class<?> testClass) {
		return Modifier.isStatic(testClass.getModifiers()) ? null : testClass.getEnclosingClass();
	}

}
