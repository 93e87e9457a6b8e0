package io.github.natsboot.listener;

/**
 * Records what one listener does with its messages. Created once per listener container
 * by a {@link NatsListenerMetricsFactory} and called on the processing threads, so
 * implementations work out their meters when they are created and do no lookups per
 * message. {@link #NONE} records nothing and costs nothing.
 */
public interface NatsListenerMetrics {

	/**
	 * Metrics that record nothing.
	 */
	NatsListenerMetrics NONE = new NatsListenerMetrics() {
	};

	/**
	 * Dead-letter reason of a message that failed on its consumer's last delivery.
	 */
	String MAX_DELIVERIES = "max-deliveries";

	/**
	 * Dead-letter reason of a message whose payload could not be converted.
	 */
	String NOT_CONVERTIBLE = "not-convertible";

	/**
	 * Return the start of the processing of a message, in the units
	 * {@link #processed} expects.
	 * @return the start, {@link System#nanoTime()} for implementations that time
	 * processing
	 */
	default long start() {
		return 0L;
	}

	/**
	 * Record that the listener method returned or failed.
	 * @param start what {@link #start()} returned before the method was invoked
	 * @param failure the failure, or {@code null} when the method returned
	 */
	default void processed(long start, NatsListenerExecutionFailedException failure) {
	}

	/**
	 * Record the number of messages a batch listener is invoked with, before each
	 * invocation; {@link #processed} then records the invocation once for the batch.
	 * @param size the messages of the batch
	 */
	default void batch(int size) {
	}

	/**
	 * Record that a JetStream message was acknowledged.
	 */
	default void acked() {
	}

	/**
	 * Record that a JetStream message was negatively acknowledged, to be redelivered.
	 */
	default void naked() {
	}

	/**
	 * Record that a JetStream message was terminated: never redelivered.
	 */
	default void termed() {
	}

	/**
	 * Record that a message was published to its dead-letter subject.
	 * @param reason why: {@value #MAX_DELIVERIES} or {@value #NOT_CONVERTIBLE}
	 */
	default void deadLettered(String reason) {
	}

	/**
	 * Record that the answer to a request could not be sent as intended: the reply value
	 * was replaced by an error reply, or the error reply by the minimal one, or nothing
	 * could be sent.
	 */
	default void replyFailed() {
	}

	/**
	 * Record that publishing a message to its dead-letter subject failed.
	 */
	default void deadLetterFailed() {
	}

}
