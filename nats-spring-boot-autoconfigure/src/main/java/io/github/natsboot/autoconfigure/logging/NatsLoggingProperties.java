package io.github.natsboot.autoconfigure.logging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * Configuration properties for shipping application logs to NATS, bound from
 * {@code nats.logging.*}.
 */
@ConfigurationProperties("nats.logging")
public class NatsLoggingProperties {

	/**
	 * Whether to attach a NATS appender to the root logger. Appenders declared in
	 * logback-spring.xml get the application's connection in any case.
	 */
	private boolean enabled;

	/**
	 * Subject to publish log events to; {level} is replaced by the event's level in lower
	 * case. Defaults to logs.<spring.application.name>.{level}, or logs.{level} without an
	 * application name.
	 */
	private String subject;

	/**
	 * Format of the events: json, text, or a Spring Boot structured format (ecs, logstash,
	 * gelf, or the class name of a StructuredLogFormatter).
	 */
	private String format = "json";

	/**
	 * Lowest level shipped, on top of the loggers' own levels.
	 */
	private LogLevel level = LogLevel.INFO;

	/**
	 * Maximum number of events published in one batch.
	 */
	private int batchSize = 100;

	/**
	 * Longest time an event waits for its batch to fill before it is published.
	 */
	private Duration flushInterval = Duration.ofMillis(100);

	/**
	 * Capacity of the queue, in events; events logged while it is full are dropped and
	 * counted.
	 */
	private int queueSize = 10000;

	/**
	 * Time allowed on shutdown to publish what is queued, before the connection drains.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getFormat() {
		return this.format;
	}

	public void setFormat(String format) {
		this.format = format;
	}

	public LogLevel getLevel() {
		return this.level;
	}

	public void setLevel(LogLevel level) {
		this.level = level;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getFlushInterval() {
		return this.flushInterval;
	}

	public void setFlushInterval(Duration flushInterval) {
		this.flushInterval = flushInterval;
	}

	public int getQueueSize() {
		return this.queueSize;
	}

	public void setQueueSize(int queueSize) {
		this.queueSize = queueSize;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

}
