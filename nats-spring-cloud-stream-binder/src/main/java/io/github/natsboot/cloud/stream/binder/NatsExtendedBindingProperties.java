package io.github.natsboot.cloud.stream.binder;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.stream.binder.AbstractExtendedBindingProperties;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;

/**
 * NATS settings per binding ({@code spring.cloud.stream.nats.bindings.<binding>.*}), with
 * defaults for all bindings under {@code spring.cloud.stream.nats.default.*}.
 */
@ConfigurationProperties("spring.cloud.stream.nats")
public class NatsExtendedBindingProperties extends
		AbstractExtendedBindingProperties<NatsConsumerProperties, NatsProducerProperties, NatsBindingProperties> {

	static final String DEFAULTS_PREFIX = "spring.cloud.stream.nats.default";

	@Override
	public String getDefaultsPrefix() {
		return DEFAULTS_PREFIX;
	}

	/**
	 * NATS settings per binding name, such as 'process-in-0'.
	 */
	@Override
	public Map<String, NatsBindingProperties> getBindings() {
		return doGetBindings();
	}

	@Override
	public Class<? extends BinderSpecificPropertiesProvider> getExtendedPropertiesEntryClass() {
		return NatsBindingProperties.class;
	}

}
