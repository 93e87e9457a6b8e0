package io.github.natsboot.listener;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;

/**
 * Base of the post-processors that find listener methods: it finds the methods of each
 * bean that carry the annotation, once per class, and hands each to {@link #register}
 * once every singleton is there (at once for beans created later).
 *
 * @param <A> the listener annotation
 */
public abstract class AbstractListenerAnnotationBeanPostProcessor<A extends Annotation>
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

	private final Class<A> annotationType;

	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	private final List<AnnotatedMethod<A>> pending = new ArrayList<>();

	private ConfigurableListableBeanFactory beanFactory;

	private ListenerAnnotationAttributes attributes;

	private volatile boolean initialized;

	/**
	 * Create a post-processor for the methods that carry the given annotation.
	 * @param annotationType the listener annotation
	 */
	protected AbstractListenerAnnotationBeanPostProcessor(Class<A> annotationType) {
		this.annotationType = annotationType;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
		this.attributes = new ListenerAnnotationAttributes(this.beanFactory);
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.nonAnnotatedClasses.contains(targetClass)) {
			return bean;
		}
		Map<Method, A> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<A>) (method) -> AnnotatedElementUtils.findMergedAnnotation(method,
						this.annotationType));
		if (methods.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		methods.forEach((method, annotation) -> {
			AnnotatedMethod<A> annotated = new AnnotatedMethod<>(bean, beanName,
					AopUtils.selectInvocableMethod(method, bean.getClass()), annotation);
			if (this.initialized) {
				register(annotated);
			}
			else {
				synchronized (this.pending) {
					this.pending.add(annotated);
				}
			}
		});
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.initialized = true;
		synchronized (this.pending) {
			this.pending.forEach(this::register);
			this.pending.clear();
		}
	}

	/**
	 * Register the endpoint of an annotated method.
	 * @param annotated the method, its bean and its annotation
	 */
	protected abstract void register(AnnotatedMethod<A> annotated);

	/**
	 * Return the bean factory.
	 * @return the bean factory
	 */
	protected final ConfigurableListableBeanFactory getBeanFactory() {
		return this.beanFactory;
	}

	/**
	 * Return the resolver of the annotation's attributes.
	 * @return the attributes resolver
	 */
	final ListenerAnnotationAttributes getAttributes() {
		return this.attributes;
	}

	/**
	 * A listener method with its bean and annotation.
	 *
	 * @param <A> the listener annotation
	 * @param bean the bean
	 * @param beanName the bean's name
	 * @param method the method to invoke
	 * @param annotation the method's annotation
	 */
	protected record AnnotatedMethod<A extends Annotation>(Object bean, String beanName, Method method, A annotation) {

		/**
		 * Describe the method as error messages name it.
		 * @return the class, method and bean name
		 */
		public String describe() {
			return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName() + " (bean '"
					+ this.beanName + "')";
		}

	}

}
