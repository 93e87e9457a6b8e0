package io.github.natsboot.autoconfigure.listener;

import io.github.natsboot.autoconfigure.NatsConnectionNames;
import io.github.natsboot.autoconfigure.NatsConnectionProperties;
import io.github.natsboot.autoconfigure.NatsListenerJetStreamProperties;
import io.github.natsboot.autoconfigure.NatsListenerProperties;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamProperties;
import io.github.natsboot.jetstream.ProvisioningMode;
import io.github.natsboot.listener.CoreNatsListenerContainerFactory;
import io.github.natsboot.listener.JetStreamNatsListenerContainerFactory;
import io.github.natsboot.listener.KeyValueNatsListenerContainerFactory;
import io.github.natsboot.listener.NatsListenerInstrumentation;
import io.github.natsboot.listener.ReplySender;
import io.nats.client.Connection;

/**
 * Creates the core, JetStream and key-value listener container factories of one connection from its
 * {@code nats.listener.*} settings, the same way for the default connection and for
 * each named one.
 */
final class ListenerContainerFactories {

	private ListenerContainerFactories() {
	}

	static CoreNatsListenerContainerFactory core(String connectionName, Connection connection,
			ReplySender replySender, NatsConnectionProperties properties,
			NatsListenerInstrumentation instrumentation) {
		NatsListenerProperties listener = properties.getListener();
		CoreNatsListenerContainerFactory factory = new CoreNatsListenerContainerFactory(connection, replySender);
		factory.setPendingMessages(listener.getPendingMessages());
		factory.setPendingBytes(listener.getPendingBytes().toBytes());
		factory.setStopTimeout(listener.getStopTimeout());
		factory.setInstrumentation(instrumentation);
		factory.setConnectionName(named(connectionName));
		return factory;
	}

	static JetStreamNatsListenerContainerFactory jetStream(String connectionName, Connection connection,
			NatsConnectionProperties properties, NatsListenerInstrumentation instrumentation,
			NatsJetStreamProperties provisioning) {
		NatsListenerJetStreamProperties jetstream = properties.getListener().getJetstream();
		JetStreamNatsListenerContainerFactory factory = new JetStreamNatsListenerContainerFactory(connection);
		factory.setBatchSize(jetstream.getBatchSize());
		factory.setPullExpiry(jetstream.getPullExpiry());
		factory.setBackoff(jetstream.getBackoff());
		factory.setDeadLetterSubject(jetstream.getDeadLetterSubject());
		factory.setMaxDeliver(jetstream.getMaxDeliver());
		factory.setAckWait(jetstream.getAckWait());
		factory.setStopTimeout(properties.getListener().getStopTimeout());
		factory.setInstrumentation(instrumentation);
		factory.setDeadLetterStreamRequired(
				provisioning != null && provisioning.getProvisioning().getMode() == ProvisioningMode.VALIDATE);
		factory.setConnectionName(named(connectionName));
		return factory;
	}

	static KeyValueNatsListenerContainerFactory keyValue(String connectionName, Connection connection,
			NatsConnectionProperties properties, NatsListenerInstrumentation instrumentation) {
		KeyValueNatsListenerContainerFactory factory = new KeyValueNatsListenerContainerFactory(connection);
		factory.setStopTimeout(properties.getListener().getStopTimeout());
		factory.setInstrumentation(instrumentation);
		factory.setConnectionName(named(connectionName));
		return factory;
	}

	private static String named(String connectionName) {
		return NatsConnectionNames.isDefault(connectionName) ? null : connectionName;
	}

}
