package io.github.natsboot.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Which connection an application bean belongs to. A bean without a {@link Qualifier}
 * (an {@link NatsOptionsCustomizer}, a connection or error listener, a JetStream
 * definition) applies to every connection it can; one qualified with a connection's name,
 * {@code @Qualifier("events")}, or {@code @Qualifier("default")} for the default
 * connection, to that connection only.
 */
public final class NatsConnectionQualifiers {

	private NatsConnectionQualifiers() {
	}

	/**
	 * Whether a bean applies to a connection.
	 * @param beanFactory the bean factory holding the bean
	 * @param beanName the bean's name, {@code null} for an object that is not a bean
	 * @param connection the connection's name
	 * @return whether the bean is unqualified or qualified with the connection's name
	 */
	public static boolean appliesTo(ListableBeanFactory beanFactory, String beanName, String connection) {
		String qualifier = qualifier(beanFactory, beanName);
		if (qualifier == null) {
			return true;
		}
		return NatsConnectionNames.isDefault(connection) ? NatsConnectionNames.isDefault(qualifier)
				: qualifier.equals(connection);
	}

	/**
	 * Whether a bean applies to a connection only when it is the default one or when it is
	 * qualified with the connection's name: for settings that are per connection, such as
	 * JetStream definitions, which an unqualified bean gives to the default connection.
	 * @param beanFactory the bean factory holding the bean
	 * @param beanName the bean's name
	 * @param connection the connection's name
	 * @return whether the bean belongs to the connection
	 */
	public static boolean belongsTo(ListableBeanFactory beanFactory, String beanName, String connection) {
		String qualifier = qualifier(beanFactory, beanName);
		if (NatsConnectionNames.isDefault(connection)) {
			return qualifier == null || NatsConnectionNames.isDefault(qualifier);
		}
		return connection.equals(qualifier);
	}

	private static String qualifier(ListableBeanFactory beanFactory, String beanName) {
		if (beanName == null || !beanFactory.containsBean(beanName)) {
			return null;
		}
		Qualifier qualifier = beanFactory.findAnnotationOnBean(beanName, Qualifier.class);
		return (qualifier != null && !qualifier.value().isEmpty()) ? qualifier.value() : null;
	}

}
