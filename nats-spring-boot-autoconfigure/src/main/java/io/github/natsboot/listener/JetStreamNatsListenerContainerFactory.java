package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.nats.client.ConsumeOptions;
import io.nats.client.Connection;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;

import org.springframework.beans.factory.DisposableBean;

/**
 * Creates {@link JetStreamNatsListenerContainer}s for listeners bound to a stream, and
 * {@link OrderedJetStreamListenerContainer}s for ordered ones, and holds their defaults:
 * pull batch size and expiry, redelivery backoff, dead-letter subject, and the settings of
 * the durable consumers listeners create for themselves.
 */
public class JetStreamNatsListenerContainerFactory implements NatsListenerContainerFactory, DisposableBean {

	private final Connection connection;

	private final DeadLetterPublisher deadLetterPublisher;

	private final ScheduledExecutorService scheduler = daemonScheduler("nats-jetstream-listener-watchdog");

	private final ScheduledExecutorService deadLetterRetries = daemonScheduler("nats-jetstream-dead-letters");

	private final ScheduledExecutorService orderedWatchdog = daemonScheduler("nats-ordered-listener-watchdog");

	private int batchSize = 500;

	private Duration pullExpiry = Duration.ofSeconds(5);

	private List<Duration> backoff = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));

	private String deadLetterSubject = "dlq.{stream}.{consumer}";

	private int maxDeliver = 5;

	private Duration ackWait = Duration.ofSeconds(30);

	private Duration stopTimeout = Duration.ofSeconds(30);

	private boolean deadLetterStreamRequired;

	private NatsListenerInstrumentation instrumentation = NatsListenerInstrumentation.NONE;

	private String connectionName;

	/**
	 * Create a factory.
	 * @param connection the connection listeners consume on
	 */
	public JetStreamNatsListenerContainerFactory(Connection connection) {
		this.connection = connection;
		this.deadLetterPublisher = new DeadLetterPublisher(connection);
	}

	/**
	 * Set how many messages each consumer worker pulls at once. Buffered messages wait
	 * for the handler, so keep batch size times handler time well below the ack wait.
	 * @param batchSize the batch size
	 */
	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	/**
	 * Set how long a pull request lives; the server sends idle heartbeats at half of it,
	 * and missed heartbeats make the client pull again.
	 * @param pullExpiry the pull expiry, at least one second
	 */
	public void setPullExpiry(Duration pullExpiry) {
		this.pullExpiry = pullExpiry;
	}

	/**
	 * Set the default delays before redelivery after a failure, by delivery attempt.
	 * @param backoff the delays; the last one repeats
	 */
	public void setBackoff(List<Duration> backoff) {
		this.backoff = List.copyOf(backoff);
	}

	/**
	 * Set the default dead-letter subject, where {@code {stream}} and {@code {consumer}}
	 * are replaced.
	 * @param deadLetterSubject the subject pattern
	 */
	public void setDeadLetterSubject(String deadLetterSubject) {
		this.deadLetterSubject = deadLetterSubject;
	}

	/**
	 * Set the max deliveries of listeners bound to a consumer they create for themselves:
	 * a failure from that delivery on makes the listener dead-letter the message. The
	 * listener counts them: the server redelivers such consumers' messages without a
	 * limit, so that deliveries that never reached the listener (messages released on a
	 * stop or a reconnect) cannot strand a message, and a message whose dead letter could
	 * not be published before a stop is redelivered.
	 * @param maxDeliver the max deliveries
	 */
	public void setMaxDeliver(int maxDeliver) {
		this.maxDeliver = maxDeliver;
	}

	/**
	 * Set the ack wait of the durable consumers listeners create for themselves.
	 * @param ackWait the ack wait
	 */
	public void setAckWait(Duration ackWait) {
		this.ackWait = ackWait;
	}

	/**
	 * The ack wait of the consumers this factory creates for listeners.
	 * @return the ack wait
	 */
	public Duration getAckWait() {
		return this.ackWait;
	}

	/**
	 * Set whether a listener whose dead-letter subject no stream captures fails to start,
	 * instead of starting with a warning (its dead letters are then published as core
	 * messages, which only current subscribers receive).
	 * @param deadLetterStreamRequired whether a dead-letter stream is required
	 */
	public void setDeadLetterStreamRequired(boolean deadLetterStreamRequired) {
		this.deadLetterStreamRequired = deadLetterStreamRequired;
	}

	boolean isDeadLetterStreamRequired() {
		return this.deadLetterStreamRequired;
	}

	ScheduledExecutorService getDeadLetterRetries() {
		return this.deadLetterRetries;
	}

	/**
	 * Set how long stopping a container waits for in-flight handlers.
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

	Duration getStopTimeout() {
		return this.stopTimeout;
	}

	DeadLetterPublisher getDeadLetterPublisher() {
		return this.deadLetterPublisher;
	}

	@Override
	public boolean supports(NatsListenerEndpoint endpoint) {
		return endpoint.getJetStream() != null
				&& NatsListenerContainerFactory.isOnConnection(endpoint, this.connectionName);
	}

	@Override
	public NatsListenerContainer createContainer(NatsListenerEndpoint endpoint) {
		if (endpoint.getJetStream().isOrdered()) {
			return new OrderedJetStreamListenerContainer(endpoint, this.connection, this, this.orderedWatchdog,
					this.instrumentation);
		}
		return new JetStreamNatsListenerContainer(endpoint, this.connection, this, this.scheduler,
				this.instrumentation);
	}

	ConsumeOptions consumeOptions() {
		return consumeOptions(this.batchSize);
	}

	ConsumeOptions consumeOptions(NatsListenerEndpoint endpoint) {
		return consumeOptions(pullBatchSize(endpoint));
	}

	private ConsumeOptions consumeOptions(int batchSize) {
		return ConsumeOptions.builder().batchSize(batchSize).expiresIn(this.pullExpiry.toMillis()).build();
	}

	/**
	 * How many messages a worker pulls at once: the batch size, and at least one batch of
	 * a batch listener.
	 */
	private int pullBatchSize(NatsListenerEndpoint endpoint) {
		return (endpoint.getAdapter() instanceof BatchNatsListenerAdapter batch)
				? Math.max(this.batchSize, batch.maxBatch()) : this.batchSize;
	}

	JetStreamConsumerSettings settingsFor(NatsListenerEndpoint endpoint, ConsumerInfo info) {
		ConsumerConfiguration configuration = info.getConsumerConfiguration();
		JetStreamBinding binding = endpoint.getJetStream();
		List<Duration> backoff = !binding.backoff().isEmpty() ? binding.backoff()
				: !configuration.getBackoff().isEmpty() ? configuration.getBackoff() : this.backoff;
		String pattern = (binding.deadLetterSubject() != null) ? binding.deadLetterSubject() : this.deadLetterSubject;
		String deadLetterSubject = pattern.replace("{stream}", info.getStreamName())
			.replace("{consumer}", info.getName());
		Duration ackWait = (configuration.getAckWait() != null) ? configuration.getAckWait() : Duration.ofSeconds(30);
		int serverMaxDeliver = (int) configuration.getMaxDeliver();
		int maxDeliver = (serverMaxDeliver > 0 || binding.consumer() != null) ? serverMaxDeliver : this.maxDeliver;
		return new JetStreamConsumerSettings(ackWait, maxDeliver, serverMaxDeliver, backoff,
				List.copyOf(configuration.getBackoff()), deadLetterSubject, binding.unreadablePayload());
	}

	String durableNameFor(NatsListenerEndpoint endpoint) {
		return endpoint.getId().replaceAll("[^A-Za-z0-9_-]", "-");
	}

	ConsumerConfiguration listenerConsumerConfiguration(NatsListenerEndpoint endpoint, String durable) {
		return ConsumerConfiguration.builder()
			.durable(durable)
			.filterSubjects(endpoint.getSubjects())
			.ackPolicy(AckPolicy.Explicit)
			.deliverPolicy(DeliverPolicy.All)
			.ackWait(this.ackWait)
			.maxDeliver(-1)
			.maxAckPending(maxAckPendingFor(endpoint))
			.build();
	}

	/**
	 * Max ack pending of a consumer a listener creates for itself: room for two full
	 * batches per worker, at least the server's default of 1000. At the server's default
	 * a listener with two workers filled it with its own buffers, and a pull request that
	 * the server parked until acknowledgements made room was then filled after the worker
	 * that sent it had stopped, leaving those messages to wait out their ack wait.
	 */
	private long maxAckPendingFor(NatsListenerEndpoint endpoint) {
		return Math.max(1000L, 2L * pullBatchSize(endpoint) * endpoint.getConcurrency());
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		this.deadLetterRetries.shutdownNow();
		this.orderedWatchdog.shutdownNow();
	}

	private static ScheduledExecutorService daemonScheduler(String name) {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

}
