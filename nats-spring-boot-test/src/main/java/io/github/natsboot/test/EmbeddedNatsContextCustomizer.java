package io.github.natsboot.test;

import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the {@link NatsCluster} of an {@link EmbeddedNats} test context, registers it as the
 * {@value #BEAN_NAME} bean (closed with the context) and puts its URLs first in the environment.
 * Equal settings give equal customizers, so the context cache shares one cluster between test
 * classes.
 */
final class EmbeddedNatsContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "embeddedNats";

	private final EmbeddedNatsSettings settings;

	EmbeddedNatsContextCustomizer(EmbeddedNatsSettings settings) {
		this.settings = settings;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		NatsCluster cluster = this.settings.start();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, cluster);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, cluster::close);
		}
		else {
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent) {
					cluster.close();
				}
			});
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(BEAN_NAME, Map.of(this.settings.serversProperty(), cluster.getUrls())));
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof EmbeddedNatsContextCustomizer customizer
				&& this.settings.equals(customizer.settings));
	}

	@Override
	public int hashCode() {
		return this.settings.hashCode();
	}

}
