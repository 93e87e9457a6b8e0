package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;

import io.github.natsboot.core.NatsSubjects;
import io.github.natsboot.core.convert.NatsMessageConverter;

import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.StringUtils;

/**
 * Finds {@link NatsListener} methods on beans, resolves their attributes once, and
 * registers an endpoint per method with the {@link NatsListenerEndpointRegistry}, whose
 * containers are created by the first {@link NatsListenerContainerFactory} that supports
 * them.
 */
public class NatsListenerAnnotationBeanPostProcessor extends AbstractListenerAnnotationBeanPostProcessor<NatsListener> {

	/**
	 * Create a post-processor for {@link NatsListener} methods.
	 */
	public NatsListenerAnnotationBeanPostProcessor() {
		super(NatsListener.class);
	}

	@Override
	protected void register(AnnotatedMethod<NatsListener> annotated) {
		NatsListenerEndpoint endpoint = createEndpoint(annotated);
		NatsListenerContainerFactory factory = getBeanFactory().getBeanProvider(NatsListenerContainerFactory.class)
			.orderedStream()
			.filter((candidate) -> candidate.supports(endpoint))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No NatsListenerContainerFactory bean can run the listener "
					+ annotated.describe() + ((endpoint.getConnection() != null) ? " on the connection '"
							+ endpoint.getConnection() + "': is it configured under nats.connections?" : "")));
		getBeanFactory().getBean(NatsListenerEndpointRegistry.class).registerListenerContainer(endpoint, factory);
	}

	private NatsListenerEndpoint createEndpoint(AnnotatedMethod<NatsListener> annotated) {
		NatsListener annotation = annotated.annotation();
		String id = StringUtils.hasText(annotation.id()) ? resolve(annotation.id())
				: annotated.beanName() + "." + annotated.method().getName();
		List<String> subjects = resolveSubjects(annotated);
		String queue = resolve(annotation.queue());
		int concurrency = resolveConcurrency(annotated);
		boolean autoStartup = Boolean.parseBoolean(resolve(annotation.autoStartup()));
		MessageHandlerMethodFactory handlerMethodFactory = getBeanFactory()
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

	private NatsListenerAdapter createAdapter(AnnotatedMethod<NatsListener> annotated, String id,
			InvocableHandlerMethod handlerMethod, MessageHandlerMethodFactory handlerMethodFactory,
			JetStreamBinding jetStream) {
		NatsListener annotation = annotated.annotation();
		NatsListenerErrorHandler errorHandler = getAttributes().resolveErrorHandler(annotation.errorHandler());
		String listener = annotated.describe();
		if (!resolveBoolean(annotated, "batch", annotation.batch())) {
			BatchListenerAttributes.checkNotBatch(listener, annotation, annotated.method());
			return new NatsListenerAdapter(id, handlerMethod, errorHandler);
		}
		BatchListenerAttributes.checkBinding(listener, jetStream);
		int maxBatch = BatchListenerAttributes.maxBatch(listener, resolve(annotation.maxBatch()));
		Duration maxWait = BatchListenerAttributes.maxWait(listener, resolve(annotation.maxWait()));
		BatchListenerMethod method = BatchListenerMethod.of(handlerMethod, converterOf(handlerMethodFactory),
				annotated.describe());
		return new BatchNatsListenerAdapter(id, method, errorHandler, maxBatch, maxWait);
	}

	private NatsMessageConverter converterOf(MessageHandlerMethodFactory handlerMethodFactory) {
		if (handlerMethodFactory instanceof NatsListenerMessageHandlerMethodFactory natsFactory) {
			return natsFactory.getConverter();
		}
		return getBeanFactory().getBean(NatsMessageConverter.class);
	}

	private boolean resolveBoolean(AnnotatedMethod<NatsListener> annotated, String attribute, String value) {
		String resolved = resolve(value).trim();
		if ("true".equalsIgnoreCase(resolved) || "false".equalsIgnoreCase(resolved)) {
			return Boolean.parseBoolean(resolved);
		}
		throw new IllegalStateException("@NatsListener " + annotated.describe() + ": " + attribute
				+ " must be true or false, was '" + resolved + "'");
	}

	private JetStreamBinding resolveJetStream(AnnotatedMethod<NatsListener> annotated, List<String> subjects) {
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
		List<Duration> backoff = getAttributes().resolveList(annotation.backoff()).stream()
			.map((value) -> ListenerAnnotationAttributes.parseDuration(annotated.describe(), "backoff", value))
			.toList();
		String deadLetterSubject = resolve(annotation.deadLetterSubject());
		return new JetStreamBinding(stream, StringUtils.hasText(consumer) ? consumer : null, backoff,
				StringUtils.hasText(deadLetterSubject) ? deadLetterSubject : null, annotation.unreadablePayload());
	}

	private JetStreamBinding resolveOrdered(AnnotatedMethod<NatsListener> annotated, String stream, OrderedDelivery ordered) {
		NatsListener annotation = annotated.annotation();
		OrderedListenerAttributes.checkBinding(annotated.describe(), stream, resolve(annotation.consumer()),
				getAttributes().resolveList(annotation.backoff()), resolve(annotation.deadLetterSubject()),
				annotation.unreadablePayload());
		return JetStreamBinding.ordered(stream, ordered);
	}

	private List<String> resolveSubjects(AnnotatedMethod<NatsListener> annotated) {
		List<String> subjects = getAttributes().resolveList(annotated.annotation().subjects());
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

	private int resolveConcurrency(AnnotatedMethod<NatsListener> annotated) {
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

	private String resolve(String value) {
		return getAttributes().resolve(value);
	}

}
