package io.github.natsboot.core;

/**
 * Records what a {@link NatsTemplate} sends: called on the sending thread for every
 * publish and request, so implementations work out their meters once and do no lookups
 * per call. {@link #NONE} records nothing and costs nothing.
 */
public interface NatsTemplateMetrics {

	/**
	 * Metrics that record nothing.
	 */
	NatsTemplateMetrics NONE = new NatsTemplateMetrics() {
	};

	/**
	 * Return the metrics of a template on another connection, whose meters say which
	 * connection they count.
	 * @param connection the connection's name
	 * @return its metrics, these by default
	 */
	default NatsTemplateMetrics forConnection(String connection) {
		return this;
	}

	/**
	 * Return the start of an operation, in the units {@link #record} expects.
	 * @param operation the operation that starts
	 * @return the start, {@link System#nanoTime()} for implementations that time the
	 * operation
	 */
	default long start(NatsTemplateOperation operation) {
		return 0L;
	}

	/**
	 * Record a completed operation.
	 * @param operation the operation
	 * @param start what {@link #start()} returned when the operation began
	 * @param failure the failure, or {@code null} when the operation succeeded
	 */
	default void record(NatsTemplateOperation operation, long start, Throwable failure) {
	}

}
