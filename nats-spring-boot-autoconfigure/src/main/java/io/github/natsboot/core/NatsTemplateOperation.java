package io.github.natsboot.core;

/**
 * What a {@link NatsTemplate} sends: the operation its metrics and observations are
 * recorded for.
 */
public enum NatsTemplateOperation {

	/**
	 * A core NATS publish.
	 */
	PUBLISH("publish"),

	/**
	 * A request, until its reply arrives or it fails.
	 */
	REQUEST("request"),

	/**
	 * A publish to a JetStream stream, until the stream acknowledges it or it fails.
	 */
	STREAM_PUBLISH("stream-publish");

	private final String value;

	NatsTemplateOperation(String value) {
		this.value = value;
	}

	/**
	 * The operation's name in metric tags and observation keys.
	 * @return the name, such as {@code stream-publish}
	 */
	public String getValue() {
		return this.value;
	}

}
