package io.github.natsboot.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Listener container settings, bound from {@code nats.listener.*}.
 */
public class NatsListenerProperties {

	/**
	 * Maximum number of messages received but not yet processed per listener
	 * consumer; past it the client drops messages and reports a slow consumer.
	 */
	private long pendingMessages = 512 * 1024;

	/**
	 * Maximum size of the messages received but not yet processed per listener
	 * consumer.
	 */
	private DataSize pendingBytes = DataSize.ofMegabytes(64);

	/**
	 * Time a stopping listener waits for in-flight and already received messages to
	 * be processed.
	 */
	private Duration stopTimeout = Duration.ofSeconds(30);

	/**
	 * Whether the processing of each message is recorded as a Micrometer observation
	 * that continues the trace whose context came in the message headers.
	 */
	private boolean observationEnabled;

	@NestedConfigurationProperty
	private final NatsListenerJetStreamProperties jetstream = new NatsListenerJetStreamProperties();

	public boolean isObservationEnabled() {
		return this.observationEnabled;
	}

	public void setObservationEnabled(boolean observationEnabled) {
		this.observationEnabled = observationEnabled;
	}

	public long getPendingMessages() {
		return this.pendingMessages;
	}

	public void setPendingMessages(long pendingMessages) {
		this.pendingMessages = pendingMessages;
	}

	public DataSize getPendingBytes() {
		return this.pendingBytes;
	}

	public void setPendingBytes(DataSize pendingBytes) {
		this.pendingBytes = pendingBytes;
	}

	public Duration getStopTimeout() {
		return this.stopTimeout;
	}

	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
	}

	public NatsListenerJetStreamProperties getJetstream() {
		return this.jetstream;
	}

}
