package io.github.natsboot.listener;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsboot.core.NatsSubjects;
import io.github.natsboot.core.convert.NatsMessageConverter;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Finds {@link NatsListener} methods on beans, resolves their attributes once, and
 * registers an endpoint per method with the {@link NatsListenerEndpointRegistry}, whose
 * containers are created by the first {@link NatsListenerContainerFactory} that supports
 * them.
 */
public class NatsListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	private final List<AnnotatedMethod> pending = new ArrayList<>();

	private ConfigurableListableBeanFactory beanFactory;

	private BeanExpressionContext expressionContext;

	private volatile boolean initialized;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
		this.expressionContext = new BeanExpressionContext(this.beanFactory, null);
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
		Map<Method, NatsListener> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<NatsListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, NatsListener.class));
		if (methods.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		methods.forEach((method, annotation) -> {
			AnnotatedMethod annotated = new AnnotatedMethod(bean, beanName,
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

	private void register(AnnotatedMethod annotated) {
		NatsListenerEndpoint endpoint = createEndpoint(annotated);
		NatsListenerContainerFactory factory = this.beanFactory.getBeanProvider(NatsListenerContainerFactory.class)
			.orderedStream()
			.filter((candidate) -> candidate.supports(endpoint))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No NatsListenerContainerFactory bean can run the listener "
					+ annotated.describe() + ((endpoint.getConnection() != null) ? " on the connection '"
							+ endpoint.getConnection() + "': is it configured under nats.connections?" : "")));
		this.beanFactory.getBean(NatsListenerEndpointRegistry.class).registerListenerContainer(endpoint, factory);
	}

	private NatsListenerEndpoint createEndpoint(AnnotatedMethod annotated) {
		NatsListener annotation = annotated.annotation();
		String id = StringUtils.hasText(annotation.id()) ? resolve(annotation.id())
				: annotated.beanName() + "." + annotated.method().getName();
		List<String> subjects = resolveSubjects(annotated);
		String queue = resolve(annotation.queue());
		int concurrency = resolveConcurrency(annotated);
		boolean autoStartup = Boolean.parseBoolean(resolve(annotation.autoStartup()));
		MessageHandlerMethodFactory handlerMethodFactory = this.beanFactory
			.getBean(NatsListenerBootstrapConfiguration.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME,
					MessageHandlerMethodFactory.class);
		InvocableHandlerMethod handlerMethod = handlerMethodFactory.createInvocableHandlerMethod(annotated.bean(),
				annotated.method());
		JetStreamBinding jetStream = resolveJetStream(annotated, subjects);
		NatsListenerAdapter adapter = createAdapter(annotated, id, handlerMethod, handlerMethodFactory, jetStream);
		if (jetStream != null && jetStream.isOrdered()) {
			OrderedListenerAttributes.checkEndpoint(annotated.describe(), StringUtils.hasText(queue) ? queue : null,
					concurrency, adapter);
		}
		String connection = resolve(annotation.connection());
		return new MethodNatsListenerEndpoint(id, subjects, StringUtils.hasText(queue) ? queue : null, concurrency,
				autoStartup, adapter, jetStream,
				(StringUtils.hasText(connection) && !"default".equals(connection)) ? connection : null);
	}

	private NatsListenerAdapter createAdapter(AnnotatedMethod annotated, String id,
			InvocableHandlerMethod handlerMethod, MessageHandlerMethodFactory handlerMethodFactory,
			JetStreamBinding jetStream) {
		NatsListener annotation = annotated.annotation();
		NatsListenerErrorHandler errorHandler = resolveErrorHandler(annotation);
		if (!resolveBoolean(annotated, "batch", annotation.batch())) {
			if (!"100".equals(annotation.maxBatch()) || !"100ms".equals(annotation.maxWait())) {
				throw new IllegalStateException("@NatsListener " + annotated.describe()
						+ " sets maxBatch or maxWait, which apply to batch listeners only: add batch = \"true\"");
			}
			if (Arrays.asList(annotated.method().getParameterTypes()).contains(NatsBatchAcknowledgment.class)) {
				throw new IllegalStateException("@NatsListener " + annotated.describe()
						+ " takes a NatsBatchAcknowledgment, which only batch listeners get: add batch = \"true\", "
						+ "or take a NatsAcknowledgment");
			}
			return new NatsListenerAdapter(id, handlerMethod, errorHandler);
		}
		if (jetStream != null && jetStream.isOrdered()) {
			throw new IllegalStateException("@NatsListener " + annotated.describe() + " is both ordered and a batch "
					+ "listener: batches are received from durable consumers, and acknowledged, so remove one of "
					+ "ordered and batch");
		}
		if (jetStream == null) {
			throw new IllegalStateException("@NatsListener " + annotated.describe() + " is a batch listener "
					+ "(batch = \"true\") without a stream: batches are received from JetStream consumers only, so "
					+ "set stream (and consumer), or remove batch to receive core messages one by one");
		}
		int maxBatch = resolvePositive(annotated, "maxBatch", annotation.maxBatch());
		Duration maxWait = parseDuration(annotated, "maxWait", resolve(annotation.maxWait()));
		if (maxWait.isNegative()) {
			throw new IllegalStateException("@NatsListener " + annotated.describe() + ": maxWait must not be negative, "
					+ "was '" + annotation.maxWait() + "'");
		}
		BatchListenerMethod method = BatchListenerMethod.of(handlerMethod, converterOf(handlerMethodFactory),
				annotated.describe());
		return new BatchNatsListenerAdapter(id, method, errorHandler, maxBatch, maxWait);
	}

	private NatsMessageConverter converterOf(MessageHandlerMethodFactory handlerMethodFactory) {
		if (handlerMethodFactory instanceof NatsListenerMessageHandlerMethodFactory natsFactory) {
			return natsFactory.getConverter();
		}
		return this.beanFactory.getBean(NatsMessageConverter.class);
	}

	private boolean resolveBoolean(AnnotatedMethod annotated, String attribute, String value) {
		String resolved = resolve(value).trim();
		if ("true".equalsIgnoreCase(resolved) || "false".equalsIgnoreCase(resolved)) {
			return Boolean.parseBoolean(resolved);
		}
		throw new IllegalStateException("@NatsListener " + annotated.describe() + ": " + attribute
				+ " must be true or false, was '" + resolved + "'");
	}

	private int resolvePositive(AnnotatedMethod annotated, String attribute, String value) {
		String resolved = resolve(value);
		try {
			int number = Integer.parseInt(resolved.trim());
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalStateException("@NatsListener " + annotated.describe() + ": " + attribute
				+ " must be a number of at least 1, was '" + resolved + "'");
	}

	private JetStreamBinding resolveJetStream(AnnotatedMethod annotated, List<String> subjects) {
		NatsListener annotation = annotated.annotation();
		String stream = resolve(annotation.stream());
		OrderedDelivery ordered = OrderedListenerAttributes.delivery(annotated.describe(), resolve(annotation.ordered()),
				resolve(annotation.deliver()));
		if (ordered != null) {
			return resolveOrdered(annotated, stream, ordered);
		}
		if (!StringUtils.hasText(stream)) {
			if (StringUtils.hasText(annotation.consumer())) {
				throw new IllegalStateException(
						"@NatsListener " + annotated.describe() + " names a consumer but no stream");
			}
			return null;
		}
		String consumer = resolve(annotation.consumer());
		if (!StringUtils.hasText(consumer) && subjects.isEmpty()) {
			throw new IllegalStateException("@NatsListener " + annotated.describe()
					+ " needs either a consumer of stream '" + stream + "' or subjects to filter on");
		}
		List<Duration> backoff = resolveList(annotation.backoff()).stream()
			.map((value) -> parseDuration(annotated, "backoff", value))
			.toList();
		String deadLetterSubject = resolve(annotation.deadLetterSubject());
		return new JetStreamBinding(stream, StringUtils.hasText(consumer) ? consumer : null, backoff,
				StringUtils.hasText(deadLetterSubject) ? deadLetterSubject : null, annotation.unreadablePayload());
	}

	private JetStreamBinding resolveOrdered(AnnotatedMethod annotated, String stream, OrderedDelivery ordered) {
		NatsListener annotation = annotated.annotation();
		OrderedListenerAttributes.checkBinding(annotated.describe(), stream, resolve(annotation.consumer()),
				resolveList(annotation.backoff()), resolve(annotation.deadLetterSubject()),
				annotation.unreadablePayload());
		return JetStreamBinding.ordered(stream, ordered);
	}

	private static Duration parseDuration(AnnotatedMethod annotated, String attribute, String value) {
		try {
			return DurationStyle.detectAndParse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("@NatsListener " + annotated.describe() + ": '" + value
					+ "' in " + attribute + " is not a duration (use 500ms, 2s, 1m or ISO-8601)");
		}
	}

	private List<String> resolveList(String[] values) {
		return Arrays.stream(values)
			.map(this::resolve)
			.flatMap((value) -> Arrays.stream(StringUtils.commaDelimitedListToStringArray(value)))
			.map(String::trim)
			.filter(StringUtils::hasText)
			.toList();
	}

	private List<String> resolveSubjects(AnnotatedMethod annotated) {
		List<String> subjects = resolveList(annotated.annotation().subjects());
		if (subjects.isEmpty() && !StringUtils.hasText(annotated.annotation().stream())) {
			throw new IllegalStateException("@NatsListener " + annotated.describe() + " has no subjects");
		}
		for (String subject : subjects) {
			try {
				NatsSubjects.requireSubscribeSubject(subject);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("@NatsListener " + annotated.describe() + ": " + ex.getMessage());
			}
		}
		return subjects;
	}

	private int resolveConcurrency(AnnotatedMethod annotated) {
		String value = resolve(annotated.annotation().concurrency());
		try {
			int concurrency = Integer.parseInt(value.trim());
			if (concurrency >= 1) {
				return concurrency;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalStateException("@NatsListener " + annotated.describe() + ": concurrency must be a number of "
				+ "at least 1, was '" + value + "'");
	}

	private NatsListenerErrorHandler resolveErrorHandler(NatsListener annotation) {
		String name = resolve(annotation.errorHandler());
		if (StringUtils.hasText(name)) {
			return this.beanFactory.getBean(name, NatsListenerErrorHandler.class);
		}
		return this.beanFactory.getBeanProvider(NatsListenerErrorHandler.class)
			.getIfUnique(LoggingNatsListenerErrorHandler::new);
	}

	private String resolve(String value) {
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		BeanExpressionResolver expressionResolver = this.beanFactory.getBeanExpressionResolver();
		if (resolved != null && expressionResolver != null) {
			Object evaluated = expressionResolver.evaluate(resolved, this.expressionContext);
			return (evaluated != null) ? evaluated.toString() : null;
		}
		return resolved;
	}

	private record AnnotatedMethod(Object bean, String beanName, Method method, NatsListener annotation) {

		String describe() {
			return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName() + " (bean '"
					+ this.beanName + "')";
		}

	}

}
