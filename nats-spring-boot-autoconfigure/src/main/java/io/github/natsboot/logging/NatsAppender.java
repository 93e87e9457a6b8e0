package io.github.natsboot.logging;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * Logback appender that ships log events to a NATS subject without ever blocking the
 * logging thread. Events go to a bounded queue; one daemon worker publishes them in
 * batches. When the queue is full, events are dropped and counted, with a warning in
 * Logback's status at most every 10 seconds. While there is no connection, or it is
 * disconnected, events stay queued (within the same bound) and go out once it is
 * connected. On {@link #stop()}, what is queued is published within the shutdown timeout.
 *
 * <p>The subject may contain {@code {level}} to route by level: {@code logs.orders.{level}}
 * sends ERROR events to {@code logs.orders.error}. Formats: {@code json} (the default, see
 * {@link JsonLogEncoder}), {@code text} (see {@link TextLogEncoder}), or one of Spring
 * Boot's structured formats ({@code ecs}, {@code logstash}, {@code gelf}, or the class name
 * of a {@code StructuredLogFormatter}); a nested {@code <encoder>} replaces the format.
 *
 * <p>The appender uses the application's connection, handed over by the auto-configuration
 * through {@link #setConnection(Connection)} once it exists; events logged before that are
 * queued. With {@link #setUrl(String) url} set instead, it opens a connection of its own.
 * Events of the NATS client ({@code io.nats.*}), of the starter's connection event logger
 * ({@code io.github.natsboot.connection}) and of the appender's own worker thread are never
 * shipped, so that publishing can never feed itself.
 *
 * <pre class="code">
 * &lt;appender name="NATS" class="io.github.natsboot.logging.NatsAppender"&gt;
 *     &lt;subject&gt;logs.orders.{level}&lt;/subject&gt;
 *     &lt;format&gt;json&lt;/format&gt;
 * &lt;/appender&gt;
 * </pre>
 */
public class NatsAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	/**
	 * Default maximum number of events published in one batch.
	 */
	public static final int DEFAULT_BATCH_SIZE = 100;

	/**
	 * Default capacity of the queue, in events.
	 */
	public static final int DEFAULT_QUEUE_SIZE = 10_000;

	/**
	 * Default longest time an event waits for its batch to fill.
	 */
	public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);

	/**
	 * Default time allowed on stop to publish what is queued.
	 */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

	private static final String NATS_CLIENT_LOGGERS = "io.nats.";

	private static final String CONNECTION_EVENT_LOGGER = "io.github.natsboot.connection";

	private final LongAdder accepted = new LongAdder();

	private final LongAdder dropped = new LongAdder();

	private final ThrottledWarning dropWarning = new ThrottledWarning(this);

	private String subject;

	private String format = LogFormats.JSON;

	private Encoder<ILoggingEvent> encoder;

	private String applicationName;

	private int batchSize = DEFAULT_BATCH_SIZE;

	private int queueSize = DEFAULT_QUEUE_SIZE;

	private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;

	private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

	private String url;

	private volatile Connection connection;

	private volatile Connection ownConnection;

	private Encoder<ILoggingEvent> activeEncoder;

	private BlockingQueue<ILoggingEvent> queue;

	private LogEventPublisher publisher;

	/**
	 * Set the subject to publish to; {@code {level}} is replaced by the event's level in
	 * lower case.
	 * @param subject the subject, such as {@code logs.orders.{level}}
	 */
	public void setSubject(String subject) {
		this.subject = subject;
	}

	/**
	 * Return the subject to publish to.
	 * @return the subject, possibly with the {@code {level}} placeholder
	 */
	public String getSubject() {
		return this.subject;
	}

	/**
	 * Set the format: {@code json} (the default), {@code text}, or a Spring Boot structured
	 * format ({@code ecs}, {@code logstash}, {@code gelf} or a formatter class name).
	 * @param format the format
	 */
	public void setFormat(String format) {
		this.format = format;
	}

	/**
	 * Return the format.
	 * @return the format
	 */
	public String getFormat() {
		return this.format;
	}

	/**
	 * Set an encoder that replaces the format, for example a
	 * {@code PatternLayoutEncoder}. It is called from the worker thread only.
	 * @param encoder the encoder
	 */
	public void setEncoder(Encoder<ILoggingEvent> encoder) {
		this.encoder = encoder;
	}

	/**
	 * Set the application name of the {@code json} format. Defaults to the name Spring
	 * Boot's logging system publishes from {@code spring.application.name}.
	 * @param applicationName the application name
	 */
	public void setApplicationName(String applicationName) {
		this.applicationName = applicationName;
	}

	/**
	 * Set the maximum number of events published in one batch.
	 * @param batchSize the batch size, at least 1
	 */
	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	/**
	 * Set the capacity of the queue; events logged while it is full are dropped.
	 * @param queueSize the queue size, at least 1
	 */
	public void setQueueSize(int queueSize) {
		this.queueSize = queueSize;
	}

	/**
	 * Set the longest time an event waits for its batch to fill before it is published.
	 * In XML: {@code 100 milliseconds}, {@code 1 second}.
	 * @param flushInterval the flush interval
	 */
	public void setFlushInterval(ch.qos.logback.core.util.Duration flushInterval) {
		this.flushInterval = Duration.ofMillis(flushInterval.getMilliseconds());
	}

	/**
	 * Set the time allowed on {@link #stop()} to publish what is queued. In XML:
	 * {@code 5 seconds}.
	 * @param shutdownTimeout the shutdown timeout
	 */
	public void setShutdownTimeout(ch.qos.logback.core.util.Duration shutdownTimeout) {
		this.shutdownTimeout = Duration.ofMillis(shutdownTimeout.getMilliseconds());
	}

	/**
	 * Set the URL of a server to which the appender opens a connection of its own
	 * ({@code nats://user:password@host:4222}, or {@code tls://} with the JVM's trust
	 * store), instead of using the application's connection.
	 * @param url the server URL
	 */
	public void setUrl(String url) {
		this.url = url;
	}

	/**
	 * Whether the appender opens a connection of its own rather than using the one it is
	 * handed.
	 * @return {@code true} when a URL is set
	 */
	public boolean hasOwnConnection() {
		return this.url != null;
	}

	/**
	 * Hand over the connection to publish to, or {@code null} to release it; events are
	 * queued while there is none. Ignored when the appender has a connection of its own.
	 * @param connection the connection
	 */
	public void setConnection(Connection connection) {
		if (hasOwnConnection()) {
			return;
		}
		this.connection = connection;
		LogEventPublisher current = this.publisher;
		if (current != null) {
			current.setConnection(connection);
		}
	}

	/**
	 * Return the connection the appender publishes to.
	 * @return the connection, or {@code null} while there is none
	 */
	public Connection getConnection() {
		return hasOwnConnection() ? this.ownConnection : this.connection;
	}

	@Override
	public void start() {
		try {
			startOrFail();
		}
		catch (RuntimeException ex) {
			addError("NATS appender [" + getName() + "] not started: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Start the appender, or fail with the reason when its configuration is invalid.
	 * @throws IllegalArgumentException if the subject or a size is invalid
	 * @throws IllegalStateException if the format cannot be used
	 */
	void startOrFail() {
		if (isStarted()) {
			return;
		}
		LevelSubjects subjects = LevelSubjects.of(this.subject);
		check(this.batchSize > 0, "batchSize must be at least 1");
		check(this.queueSize > 0, "queueSize must be at least 1");
		check(!this.flushInterval.isNegative(), "flushInterval must not be negative");
		this.activeEncoder = createEncoder();
		this.accepted.reset();
		this.queue = new ArrayBlockingQueue<>(this.queueSize);
		this.publisher = new LogEventPublisher(this.queue, this.activeEncoder, subjects, this.batchSize,
				this.flushInterval, this);
		this.publisher.setConnection(this.connection);
		this.publisher.start("nats-appender-" + getName());
		if (hasOwnConnection()) {
			connect();
		}
		super.start();
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	private Encoder<ILoggingEvent> createEncoder() {
		if (this.encoder == null) {
			return LogFormats.encoder(this.format, getContext(), this.applicationName);
		}
		if (!this.encoder.isStarted()) {
			this.encoder.setContext(getContext());
			this.encoder.start();
		}
		return this.encoder;
	}

	@SuppressWarnings("deprecation")
	private void connect() {
		ConnectionListener handOver = (connection, event) -> {
			if (this.ownConnection == null) {
				this.ownConnection = connection;
				this.publisher.setConnection(connection);
			}
		};
		Options options = Options.builder()
			.server(this.url)
			.connectionName("logback-" + getName())
			.maxReconnects(-1)
			.connectionListener(handOver)
			.build();
		try {
			Nats.connectAsynchronously(options, true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while connecting to " + this.url, ex);
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (this.publisher.isWorkerThread() || isClientEvent(event.getLoggerName())) {
			return;
		}
		event.prepareForDeferredProcessing();
		if (this.queue.offer(event)) {
			this.accepted.increment();
		}
		else {
			this.dropped.increment();
			if (this.dropWarning.isDue()) {
				addWarn("NATS appender [" + getName() + "] queue is full (" + this.queueSize + " events): "
						+ getDroppedCount() + " events dropped so far");
			}
		}
	}

	private static boolean isClientEvent(String loggerName) {
		return loggerName.startsWith(NATS_CLIENT_LOGGERS) || loggerName.startsWith(CONNECTION_EVENT_LOGGER);
	}

	/**
	 * Publish every event queued so far and flush the connection.
	 * @param timeout the time allowed
	 * @return {@code true} if everything was published and flushed in time
	 */
	public boolean flush(Duration timeout) {
		LogEventPublisher current = this.publisher;
		return current == null || current.flush(this.accepted.sum(), timeout);
	}

	/**
	 * Stop accepting events, publish what is queued within the shutdown timeout, and stop
	 * the worker. Events still queued then are counted as dropped.
	 */
	@Override
	public void stop() {
		if (!isStarted()) {
			return;
		}
		super.stop();
		LogEventPublisher current = this.publisher;
		if (!current.flush(this.accepted.sum(), this.shutdownTimeout)) {
			addWarn("NATS appender [" + getName() + "] could not publish every queued event within "
					+ this.shutdownTimeout);
		}
		current.stop(Duration.ofSeconds(1));
		long unsent = this.accepted.sum() - current.getSettled();
		if (unsent > 0) {
			this.dropped.add(unsent);
			addWarn("NATS appender [" + getName() + "] dropped " + unsent + " events queued at shutdown");
		}
		if (this.encoder == null) {
			this.activeEncoder.stop();
		}
		closeOwnConnection();
	}

	private void closeOwnConnection() {
		Connection own = this.ownConnection;
		if (own != null) {
			try {
				own.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Return the number of events published.
	 * @return the number of events shipped
	 */
	public long getShippedCount() {
		LogEventPublisher current = this.publisher;
		return (current != null) ? current.getShipped() : 0;
	}

	/**
	 * Return the number of events that were never shipped: logged while the queue was full,
	 * impossible to encode or over the server's payload limit, or still queued at shutdown.
	 * @return the number of events dropped
	 */
	public long getDroppedCount() {
		LogEventPublisher current = this.publisher;
		return this.dropped.sum() + ((current != null) ? current.getDiscarded() : 0);
	}

	/**
	 * Return the number of publish attempts that failed (output queue full, disconnected)
	 * and were retried with the events kept.
	 * @return the number of failed publish attempts
	 */
	public long getFailedCount() {
		LogEventPublisher current = this.publisher;
		return (current != null) ? current.getFailed() : 0;
	}

	/**
	 * Return the number of events waiting in the queue.
	 * @return the queue size
	 */
	public int getQueuedCount() {
		BlockingQueue<ILoggingEvent> current = this.queue;
		return (current != null) ? current.size() : 0;
	}

}
