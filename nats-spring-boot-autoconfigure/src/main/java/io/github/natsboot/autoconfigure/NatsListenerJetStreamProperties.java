package io.github.natsboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * JetStream listener settings, bound from {@code nats.listener.jetstream.*}.
 */
public class NatsListenerJetStreamProperties {

	/**
	 * Messages each consumer worker pulls at once. Buffered messages wait for the
	 * handler: keep batch size times handler time well below the consumer's ack wait.
	 */
	private int batchSize = 500;

	/**
	 * How long a pull request lives. The server sends idle heartbeats at half of it;
	 * missed heartbeats make the client pull again.
	 */
	private Duration pullExpiry = Duration.ofSeconds(5);

	/**
	 * Delays before redelivering a message whose listener threw, by delivery attempt
	 * (the last one repeats). A consumer's own backoff and a listener's backoff
	 * attribute take precedence.
	 */
	private List<Duration> backoff = new ArrayList<>(
			List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)));

	/**
	 * Subject that messages go to when a listener gives up on them, with {stream} and
	 * {consumer} replaced.
	 */
	private String deadLetterSubject = "dlq.{stream}.{consumer}";

	/**
	 * Max deliveries of listeners without a configured consumer, counted by the
	 * listener: the consumers they create redeliver without a server-side limit, so
	 * that a message whose dead letter could not be published before a stop is
	 * redelivered and dead-lettered by the next instance.
	 */
	private int maxDeliver = 5;

	/**
	 * Ack wait of the durable consumers that listeners without a configured consumer
	 * create for themselves.
	 */
	private Duration ackWait = Duration.ofSeconds(30);

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getPullExpiry() {
		return this.pullExpiry;
	}

	public void setPullExpiry(Duration pullExpiry) {
		this.pullExpiry = pullExpiry;
	}

	public List<Duration> getBackoff() {
		return this.backoff;
	}

	public void setBackoff(List<Duration> backoff) {
		this.backoff = backoff;
	}

	public String getDeadLetterSubject() {
		return this.deadLetterSubject;
	}

	public void setDeadLetterSubject(String deadLetterSubject) {
		this.deadLetterSubject = deadLetterSubject;
	}

	public int getMaxDeliver() {
		return this.maxDeliver;
	}

	public void setMaxDeliver(int maxDeliver) {
		this.maxDeliver = maxDeliver;
	}

	public Duration getAckWait() {
		return this.ackWait;
	}

	public void setAckWait(Duration ackWait) {
		this.ackWait = ackWait;
	}

}
