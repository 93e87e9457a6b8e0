package io.github.natsboot.cloud.stream.binder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.CoreNatsListenerContainerFactory;
import io.github.natsboot.listener.JetStreamBinding;
import io.github.natsboot.listener.JetStreamNatsListenerContainerFactory;
import io.github.natsboot.listener.LoggingNatsListenerErrorHandler;
import io.github.natsboot.listener.NatsListenerAdapter;
import io.github.natsboot.listener.NatsListenerContainerFactory;
import io.github.natsboot.listener.NatsListenerEndpoint;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;

import org.springframework.cloud.stream.binder.AbstractMessageChannelBinder;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.binder.ExtendedPropertiesBinder;
import org.springframework.cloud.stream.provisioning.ConsumerDestination;
import org.springframework.cloud.stream.provisioning.ProducerDestination;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.integration.core.MessageProducer;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.StringUtils;

/**
 * The Spring Cloud Stream binder of type {@code nats}. Consumer bindings run in the
 * starter's listener containers (core NATS with the group as queue group, or JetStream
 * on a durable consumer named after the group) and producer bindings publish through
 * the starter's {@link NatsTemplate}, all on one of the starter's connections: its
 * reconnect handling, drain on shutdown, metrics, observations and health apply to
 * bindings as they do to {@code @NatsListener} methods.
 */
public class NatsMessageChannelBinder extends
		AbstractMessageChannelBinder<ExtendedConsumerProperties<NatsConsumerProperties>, ExtendedProducerProperties<NatsProducerProperties>, NatsBinderProvisioner>
		implements ExtendedPropertiesBinder<MessageChannel, NatsConsumerProperties, NatsProducerProperties> {

	private final NatsTemplate template;

	private final CoreNatsListenerContainerFactory coreContainerFactory;

	private final JetStreamNatsListenerContainerFactory jetStreamContainerFactory;

	private final MessageHandlerMethodFactory handlerMethodFactory;

	private final NatsListenerEndpointRegistry registry;

	private final String connectionName;

	private final NatsBinderHeaderMapper headerMapper = new NatsBinderHeaderMapper();

	private NatsExtendedBindingProperties extendedBindingProperties = new NatsExtendedBindingProperties();

	/**
	 * Create a binder.
	 * @param provisioner the provisioner of streams and consumers
	 * @param template the template producer bindings publish with
	 * @param coreContainerFactory the factory of core listener containers
	 * @param jetStreamContainerFactory the factory of JetStream listener containers
	 * @param handlerMethodFactory the factory of the listener methods that containers
	 * invoke
	 * @param registry the registry of listener containers, which the health indicator and
	 * the permission violation reports read
	 * @param connectionName the connection's name under {@code nats.connections}, or
	 * {@code null} for the default one
	 */
	public NatsMessageChannelBinder(NatsBinderProvisioner provisioner, NatsTemplate template,
			CoreNatsListenerContainerFactory coreContainerFactory,
			JetStreamNatsListenerContainerFactory jetStreamContainerFactory,
			MessageHandlerMethodFactory handlerMethodFactory, NatsListenerEndpointRegistry registry,
			String connectionName) {
		super(new String[0], provisioner);
		this.template = template;
		this.coreContainerFactory = coreContainerFactory;
		this.jetStreamContainerFactory = jetStreamContainerFactory;
		this.handlerMethodFactory = handlerMethodFactory;
		this.registry = registry;
		this.connectionName = connectionName;
	}

	public void setExtendedBindingProperties(NatsExtendedBindingProperties extendedBindingProperties) {
		this.extendedBindingProperties = extendedBindingProperties;
	}

	@Override
	protected MessageHandler createProducerMessageHandler(ProducerDestination destination,
			ExtendedProducerProperties<NatsProducerProperties> producerProperties, MessageChannel errorChannel) {
		NatsOutboundMessageHandler handler = new NatsOutboundMessageHandler(this.template,
				(NatsProducerDestination) destination, producerProperties.getExtension().isAsync(), this.headerMapper,
				errorChannel);
		handler.setBeanFactory(getBeanFactory());
		return handler;
	}

	@Override
	protected MessageProducer createConsumerEndpoint(ConsumerDestination destination, String group,
			ExtendedConsumerProperties<NatsConsumerProperties> properties) {
		NatsConsumerDestination nats = (NatsConsumerDestination) destination;
		NatsInboundChannelAdapter inbound = nats.isJetStream() ? new NatsInboundChannelAdapter(this.headerMapper)
				: new NatsInboundChannelAdapter(this.headerMapper, retryTemplateFor(properties),
						registerErrorInfrastructure(destination, group, properties).getRecoverer());
		String id = listenerId(nats, group, properties);
		NatsListenerAdapter adapter = new NatsListenerAdapter(id, this.handlerMethodFactory
			.createInvocableHandlerMethod(inbound.receiver(), NatsInboundChannelAdapter.Receiver.METHOD),
				new LoggingNatsListenerErrorHandler());
		NatsListenerEndpoint endpoint = new BindingListenerEndpoint(id, nats.subjects(),
				(nats.isJetStream() || nats.anonymous()) ? null : group, properties.getConcurrency(), adapter,
				this.connectionName, nats.isJetStream() ? jetStreamBinding(nats, properties) : null);
		NatsListenerContainerFactory factory = nats.isJetStream() ? this.jetStreamContainerFactory
				: this.coreContainerFactory;
		inbound.setContainer(this.registry.registerListenerContainer(endpoint, factory));
		inbound.setBeanFactory(getBeanFactory());
		return inbound;
	}

	private RetryTemplate retryTemplateFor(ExtendedConsumerProperties<NatsConsumerProperties> properties) {
		return (properties.getMaxAttempts() > 1) ? buildRetryTemplate(properties) : null;
	}

	private static String listenerId(NatsConsumerDestination destination, String group,
			ExtendedConsumerProperties<NatsConsumerProperties> properties) {
		if (StringUtils.hasText(properties.getBindingName())) {
			return properties.getBindingName();
		}
		return destination.destination() + (StringUtils.hasText(group) ? "." + group : "");
	}

	private static JetStreamBinding jetStreamBinding(NatsConsumerDestination destination,
			ExtendedConsumerProperties<NatsConsumerProperties> properties) {
		return new JetStreamBinding(destination.stream(), destination.durable(), backoff(properties),
				properties.getExtension().getDeadLetterSubject());
	}

	/**
	 * The delay before each redelivery: Spring Cloud Stream's exponential backoff, one
	 * delay per attempt after the first.
	 */
	static List<Duration> backoff(ExtendedConsumerProperties<NatsConsumerProperties> properties) {
		List<Duration> delays = new ArrayList<>();
		double delay = properties.getBackOffInitialInterval();
		for (int attempt = 1; attempt < properties.getMaxAttempts(); attempt++) {
			delays.add(Duration.ofMillis((long) Math.min(delay, properties.getBackOffMaxInterval())));
			delay *= properties.getBackOffMultiplier();
		}
		return delays;
	}

	@Override
	protected void afterUnbindConsumer(ConsumerDestination destination, String group,
			ExtendedConsumerProperties<NatsConsumerProperties> consumerProperties) {
		NatsConsumerDestination nats = (NatsConsumerDestination) destination;
		this.registry.unregisterListenerContainer(listenerId(nats, group, consumerProperties));
		if (nats.isJetStream() && nats.anonymous()) {
			this.provisioningProvider.deleteAnonymousConsumer(nats);
		}
	}

	@Override
	public NatsConsumerProperties getExtendedConsumerProperties(String channelName) {
		return this.extendedBindingProperties.getExtendedConsumerProperties(channelName);
	}

	@Override
	public NatsProducerProperties getExtendedProducerProperties(String channelName) {
		return this.extendedBindingProperties.getExtendedProducerProperties(channelName);
	}

	@Override
	public String getDefaultsPrefix() {
		return this.extendedBindingProperties.getDefaultsPrefix();
	}

	@Override
	public Class<? extends BinderSpecificPropertiesProvider> getExtendedPropertiesEntryClass() {
		return this.extendedBindingProperties.getExtendedPropertiesEntryClass();
	}

}
