package io.github.natsboot.cloud.stream.binder;

import java.time.Duration;

/**
 * NATS settings of one consumer binding
 * ({@code spring.cloud.stream.nats.bindings.<binding>.consumer.*}).
 */
public class NatsConsumerProperties {

	/**
	 * JetStream stream to consume the destination from, through a durable consumer named
	 * after the binding's group; a core NATS subscription (the group as queue group)
	 * when not set.
	 */
	private String stream;

	/**
	 * Subject a JetStream message goes to after its last attempt; {stream} and
	 * {consumer} are replaced. The JetStream listeners' default
	 * (nats.listener.jetstream.dead-letter-subject) when not set.
	 */
	private String deadLetterSubject;

	/**
	 * How long JetStream waits for the acknowledgement of a delivered message before it
	 * redelivers it. The JetStream listeners' default (nats.listener.jetstream.ack-wait)
	 * when not set.
	 */
	private Duration ackWait;

	public String getStream() {
		return this.stream;
	}

	public void setStream(String stream) {
		this.stream = stream;
	}

	public String getDeadLetterSubject() {
		return this.deadLetterSubject;
	}

	public void setDeadLetterSubject(String deadLetterSubject) {
		this.deadLetterSubject = deadLetterSubject;
	}

	public Duration getAckWait() {
		return this.ackWait;
	}

	public void setAckWait(Duration ackWait) {
		this.ackWait = ackWait;
	}

	boolean isJetStream() {
		return this.stream != null && !this.stream.isBlank();
	}

}
