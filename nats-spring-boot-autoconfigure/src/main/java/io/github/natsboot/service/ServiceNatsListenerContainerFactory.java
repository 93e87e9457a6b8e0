package io.github.natsboot.service;

import java.time.Duration;

import io.github.natsboot.listener.NatsListenerContainer;
import io.github.natsboot.listener.NatsListenerContainerFactory;
import io.github.natsboot.listener.NatsListenerEndpoint;
import io.github.natsboot.listener.NatsListenerInstrumentation;
import io.github.natsboot.listener.ReplySender;
import io.nats.client.Connection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Creates {@link ServiceNatsListenerContainer}s for core NATS listeners, making them
 * endpoints of the application's {@link NatsMicroService}. A service endpoint is one
 * subscription handled on one thread, so listeners with a concurrency above 1 are left to
 * the core container (and are not service endpoints); scale a service by running more
 * instances, which share the endpoint's queue group.
 */
public class ServiceNatsListenerContainerFactory implements NatsListenerContainerFactory {

	private static final Log logger = LogFactory.getLog(ServiceNatsListenerContainerFactory.class);

	private final Connection connection;

	private final ReplySender replySender;

	private final NatsMicroService service;

	private NatsListenerInstrumentation instrumentation = NatsListenerInstrumentation.NONE;

	private long pendingMessages = 512 * 1024;

	private long pendingBytes = 64 * 1024 * 1024;

	private Duration stopTimeout = Duration.ofSeconds(30);

	/**
	 * Create a factory.
	 * @param connection the connection endpoints subscribe on
	 * @param replySender sends replies and error replies
	 * @param service the service the endpoints belong to
	 */
	public ServiceNatsListenerContainerFactory(Connection connection, ReplySender replySender,
			NatsMicroService service) {
		this.connection = connection;
		this.replySender = replySender;
		this.service = service;
	}

	/**
	 * Set what the endpoints record about the messages they process.
	 * @param instrumentation the instrumentation
	 */
	public void setInstrumentation(NatsListenerInstrumentation instrumentation) {
		this.instrumentation = (instrumentation != null) ? instrumentation : NatsListenerInstrumentation.NONE;
	}

	/**
	 * Set the pending message limit of each listener; past it, messages are dropped and
	 * the slow consumer is reported.
	 * @param pendingMessages the limit, or a negative value for none
	 */
	public void setPendingMessages(long pendingMessages) {
		this.pendingMessages = pendingMessages;
	}

	/**
	 * Set the pending byte limit of each listener.
	 * @param pendingBytes the limit, or a negative value for none
	 */
	public void setPendingBytes(long pendingBytes) {
		this.pendingBytes = pendingBytes;
	}

	/**
	 * Set how long stopping a container waits for messages already received.
	 * @param stopTimeout the timeout
	 */
	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
	}

	@Override
	public boolean supports(NatsListenerEndpoint endpoint) {
		if (endpoint.getJetStream() != null || endpoint.getConnection() != null) {
			return false;
		}
		if (endpoint.getConcurrency() > 1) {
			logger.warn("@NatsListener '" + endpoint.getId() + "' has concurrency " + endpoint.getConcurrency()
					+ " and is not an endpoint of the NATS service (an endpoint runs on one thread)");
			return false;
		}
		return true;
	}

	@Override
	public NatsListenerContainer createContainer(NatsListenerEndpoint endpoint) {
		return new ServiceNatsListenerContainer(endpoint, this.connection, this.service,
				this.instrumentation.coreMessageHandler(endpoint, this.replySender), this.pendingMessages,
				this.pendingBytes, this.stopTimeout);
	}

}
