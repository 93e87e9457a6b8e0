package io.github.natsboot.listener;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads the {@link NatsListener#batch() batch}, {@link NatsListener#maxBatch() maxBatch}
 * and {@link NatsListener#maxWait() maxWait} attributes of a listener, once, and rejects
 * the combinations a batch listener cannot have, with an error that names them.
 */
final class BatchListenerAttributes {

	private static final String DEFAULT_MAX_BATCH = "100";

	private static final String DEFAULT_MAX_WAIT = "100ms";

	private BatchListenerAttributes() {
	}

	/**
	 * Reject the batch attributes on a listener that is not a batch listener.
	 * @param listener the listener, as error messages name it
	 * @param annotation its annotation
	 * @param method its method
	 * @throws IllegalStateException if {@code maxBatch}, {@code maxWait} or a
	 * {@link NatsBatchAcknowledgment} parameter is there without {@code batch}
	 */
	static void checkNotBatch(String listener, NatsListener annotation, Method method) {
		if (!DEFAULT_MAX_BATCH.equals(annotation.maxBatch()) || !DEFAULT_MAX_WAIT.equals(annotation.maxWait())) {
			throw new IllegalStateException("@NatsListener " + listener
					+ " sets maxBatch or maxWait, which apply to batch listeners only: add batch = \"true\"");
		}
		if (Arrays.asList(method.getParameterTypes()).contains(NatsBatchAcknowledgment.class)) {
			throw new IllegalStateException("@NatsListener " + listener
					+ " takes a NatsBatchAcknowledgment, which only batch listeners get: add batch = \"true\", "
					+ "or take a NatsAcknowledgment");
		}
	}

	/**
	 * Reject a batch listener that does not consume a durable JetStream consumer.
	 * @param listener the listener, as error messages name it
	 * @param jetStream its JetStream binding, {@code null} for a core listener
	 * @throws IllegalStateException for a core or an ordered listener
	 */
	static void checkBinding(String listener, JetStreamBinding jetStream) {
		if (jetStream == null) {
			throw new IllegalStateException("@NatsListener " + listener + " is a batch listener "
					+ "(batch = \"true\") without a stream: batches are received from JetStream consumers only, so "
					+ "set stream (and consumer), or remove batch to receive core messages one by one");
		}
		if (jetStream.isOrdered()) {
			throw new IllegalStateException("@NatsListener " + listener + " is both ordered and a batch "
					+ "listener: batches are received from durable consumers, and acknowledged, so remove one of "
					+ "ordered and batch");
		}
	}

	/**
	 * Parse the resolved {@code maxBatch} attribute.
	 * @param listener the listener, as error messages name it
	 * @param maxBatch the resolved attribute
	 * @return the largest number of messages in a batch
	 * @throws IllegalStateException unless it is a number of at least 1
	 */
	static int maxBatch(String listener, String maxBatch) {
		try {
			int number = Integer.parseInt(maxBatch.trim());
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalStateException("@NatsListener " + listener + ": maxBatch must be a number of at least 1, was '"
				+ maxBatch + "'");
	}

	/**
	 * Parse the resolved {@code maxWait} attribute.
	 * @param listener the listener, as error messages name it
	 * @param maxWait the resolved attribute
	 * @return how long a batch waits to fill once its first message is there
	 * @throws IllegalStateException unless it is a duration that is not negative
	 */
	static Duration maxWait(String listener, String maxWait) {
		Duration wait = ListenerAnnotationAttributes.parseDuration(listener, "maxWait", maxWait);
		if (wait.isNegative()) {
			throw new IllegalStateException(
					"@NatsListener " + listener + ": maxWait must not be negative, was '" + maxWait + "'");
		}
		return wait;
	}

}
