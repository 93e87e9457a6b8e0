package io.github.natsboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.nats.client.Connection;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers, for every connection under {@code nats.connections.<name>}, the beans a
 * feature gives each connection: {@code <name><suffix>} ({@code eventsNatsTemplate}),
 * qualified with the connection's name and not a default candidate, so that an unqualified
 * injection point still gets the default connection's bean and
 * {@code @Qualifier("events")} gets the named one. A bean the application already
 * defines under that name is left alone.
 * <p>
 * Each feature's auto-configuration declares one of these as a {@code static} bean, so
 * that a named connection gets only the beans of the features whose conditions hold.
 */
public final class NatsNamedConnectionBeans implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	private final List<BeanRecipe<?>> recipes = new ArrayList<>();

	private Environment environment;

	private ConfigurableListableBeanFactory beanFactory;

	private NatsNamedConnectionBeans() {
	}

	/**
	 * Start a registrar with one bean per named connection.
	 * @param <T> the bean's type
	 * @param suffix the suffix of the bean's name
	 * @param type the bean's type
	 * @param factory creates the bean for a connection
	 * @return the registrar
	 */
	public static <T> NatsNamedConnectionBeans of(String suffix, Class<T> type,
			BiFunction<NatsNamedConnection, ConfigurableListableBeanFactory, T> factory) {
		return new NatsNamedConnectionBeans().and(suffix, type, factory);
	}

	/**
	 * Add another bean per named connection.
	 * @param <T> the bean's type
	 * @param suffix the suffix of the bean's name
	 * @param type the bean's type
	 * @param factory creates the bean for a connection
	 * @return this registrar
	 */
	public <T> NatsNamedConnectionBeans and(String suffix, Class<T> type,
			BiFunction<NatsNamedConnection, ConfigurableListableBeanFactory, T> factory) {
		this.recipes.add(new BeanRecipe<>(suffix, type, factory));
		return this;
	}

	/**
	 * Return the connection bean of a named connection.
	 * @param beanFactory the bean factory
	 * @param connection the connection's name
	 * @return its connection
	 */
	public static Connection connection(ConfigurableListableBeanFactory beanFactory, String connection) {
		return beanFactory.getBean(NatsConnectionNames.beanName(connection, "NatsConnection"), Connection.class);
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		NatsNamedConnections connections = NatsNamedConnections.obtain(registry, this.environment);
		for (String name : connections.names()) {
			for (BeanRecipe<?> recipe : this.recipes) {
				String beanName = NatsConnectionNames.beanName(name, recipe.suffix());
				if (!registry.containsBeanDefinition(beanName)) {
					registry.registerBeanDefinition(beanName, definition(connections.get(name), recipe));
				}
			}
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	private <T> RootBeanDefinition definition(NatsNamedConnection connection, BeanRecipe<T> recipe) {
		RootBeanDefinition definition = new RootBeanDefinition(recipe.type(),
				() -> recipe.factory().apply(connection, this.beanFactory));
		definition.setDefaultCandidate(false);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, connection.name()));
		definition.setDestroyMethodName(RootBeanDefinition.INFER_METHOD);
		return definition;
	}

	private record BeanRecipe<T>(String suffix, Class<T> type,
			BiFunction<NatsNamedConnection, ConfigurableListableBeanFactory, T> factory) {
	}

}
