package io.github.natsboot.listener;

import java.time.Duration;

import io.nats.client.Connection;

/**
 * Creates {@link CoreNatsListenerContainer}s for listeners of core NATS subjects.
 */
public class CoreNatsListenerContainerFactory implements NatsListenerContainerFactory {

	private final Connection connection;

	private final ReplySender replySender;

	private long pendingMessages = 512 * 1024;

	private long pendingBytes = 64 * 1024 * 1024;

	private Duration stopTimeout = Duration.ofSeconds(30);

	private NatsListenerInstrumentation instrumentation = NatsListenerInstrumentation.NONE;

	private String connectionName;

	/**
	 * Create a factory.
	 * @param connection the connection listeners subscribe on
	 * @param replySender sends replies and error replies
	 */
	public CoreNatsListenerContainerFactory(Connection connection, ReplySender replySender) {
		this.connection = connection;
		this.replySender = replySender;
	}

	/**
	 * Set the pending message limit of each consumer; past it, messages are dropped and
	 * the slow consumer is reported.
	 * @param pendingMessages the limit, or a negative value for none
	 */
	public void setPendingMessages(long pendingMessages) {
		this.pendingMessages = pendingMessages;
	}

	/**
	 * Set the pending byte limit of each consumer.
	 * @param pendingBytes the limit, or a negative value for none
	 */
	public void setPendingBytes(long pendingBytes) {
		this.pendingBytes = pendingBytes;
	}

	/**
	 * Set how long stopping a container waits for in-flight and pending messages.
	 * @param stopTimeout the timeout
	 */
	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
	}

	/**
	 * Set the name of the connection this factory's containers run on, so that it runs
	 * the listeners bound to that connection only.
	 * @param connectionName the name of a connection under {@code nats.connections}, or
	 * {@code null} for the default connection
	 */
	public void setConnectionName(String connectionName) {
		this.connectionName = connectionName;
	}

	/**
	 * Set what containers record about the messages they process.
	 * @param instrumentation the metrics and observations
	 */
	public void setInstrumentation(NatsListenerInstrumentation instrumentation) {
		this.instrumentation = (instrumentation != null) ? instrumentation : NatsListenerInstrumentation.NONE;
	}

	@Override
	public boolean supports(NatsListenerEndpoint endpoint) {
		return endpoint.getJetStream() == null
				&& NatsListenerContainerFactory.isOnConnection(endpoint, this.connectionName);
	}

	@Override
	public NatsListenerContainer createContainer(NatsListenerEndpoint endpoint) {
		return new CoreNatsListenerContainer(endpoint, this.connection,
				this.instrumentation.coreMessageHandler(endpoint, this.replySender),
				this.pendingMessages,
				this.pendingBytes, this.stopTimeout);
	}

}
