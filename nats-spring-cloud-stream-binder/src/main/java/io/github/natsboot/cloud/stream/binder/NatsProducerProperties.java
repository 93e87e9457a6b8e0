package io.github.natsboot.cloud.stream.binder;

/**
 * NATS settings of one producer binding
 * ({@code spring.cloud.stream.nats.bindings.<binding>.producer.*}).
 */
public class NatsProducerProperties {

	/**
	 * JetStream stream the destination is published to: each message is acknowledged by
	 * the stream, and a Nats-Msg-Id header makes the publish idempotent. A core NATS
	 * publish when not set.
	 */
	private String stream;

	/**
	 * Whether a JetStream publish returns before the stream acknowledges it, within the
	 * template's window of pending publishes; a failed publish then goes to the binding's
	 * error channel. When false, the publish waits for the acknowledgement and a failure
	 * is thrown to the sender.
	 */
	private boolean async;

	public String getStream() {
		return this.stream;
	}

	public void setStream(String stream) {
		this.stream = stream;
	}

	public boolean isAsync() {
		return this.async;
	}

	public void setAsync(boolean async) {
		this.async = async;
	}

	boolean isJetStream() {
		return this.stream != null && !this.stream.isBlank();
	}

}
