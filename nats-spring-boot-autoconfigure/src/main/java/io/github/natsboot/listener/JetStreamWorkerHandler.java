package io.github.natsboot.listener;

import io.nats.client.MessageHandler;

/**
 * What one worker of a {@link JetStreamNatsListenerContainer} runs on its dispatcher: the
 * handler of single messages ({@link JetStreamListenerMessageHandler}) or of batches
 * ({@link JetStreamBatchMessageHandler}). The container keeps what it holds alive, and
 * waits for it to be idle when the worker stops.
 */
interface JetStreamWorkerHandler extends MessageHandler {

	/**
	 * Whether the handler holds no message: none is being processed, and none is waiting
	 * to be.
	 * @return {@code true} when idle
	 */
	boolean isIdle();

	/**
	 * Send in-progress acknowledgements for the messages held for longer than the given
	 * interval since they were taken up or since the last one.
	 * @param intervalNanos the interval
	 */
	void keepAlive(long intervalNanos);

	/**
	 * Start what the handler runs besides the dispatcher, before its worker consumes.
	 */
	default void start() {
	}

	/**
	 * Release what the handler runs besides the dispatcher, once its worker is closed.
	 */
	default void close() {
	}

}
