package io.github.natsboot.cloud.stream.binder;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;

/**
 * NATS settings of one binding: its consumer and its producer side.
 */
public class NatsBindingProperties implements BinderSpecificPropertiesProvider {

	/**
	 * NATS settings of the consumer side.
	 */
	@NestedConfigurationProperty
	private NatsConsumerProperties consumer = new NatsConsumerProperties();

	/**
	 * NATS settings of the producer side.
	 */
	@NestedConfigurationProperty
	private NatsProducerProperties producer = new NatsProducerProperties();

	@Override
	public NatsConsumerProperties getConsumer() {
		return this.consumer;
	}

	public void setConsumer(NatsConsumerProperties consumer) {
		this.consumer = consumer;
	}

	@Override
	public NatsProducerProperties getProducer() {
		return this.producer;
	}

	public void setProducer(NatsProducerProperties producer) {
		this.producer = producer;
	}

}
