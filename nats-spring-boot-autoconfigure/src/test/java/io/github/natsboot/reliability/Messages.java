package io.github.natsboot.reliability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.core.NatsTemplate;
import io.nats.client.PublishOptions;

/**
 * Publishing and waiting helpers shared by the reliability tests.
 */
final class Messages {

	private Messages() {
	}

	/**
	 * Publishes to a stream until the server acknowledges the message, retrying through an
	 * outage with the id as {@code Nats-Msg-Id} so that a retry of a message the server did
	 * store is not stored twice.
	 */
	static void publishUntilAcknowledged(NatsTemplate template, String subject, String id, AtomicInteger failures,
			Duration giveUpAfter) {
		PublishOptions options = PublishOptions.builder().messageId(id).build();
		long deadline = System.nanoTime() + giveUpAfter.toNanos();
		while (true) {
			try {
				template.publishToStream(subject, id, null, options);
				return;
			}
			catch (RuntimeException ex) {
				failures.incrementAndGet();
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				sleep(50);
			}
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static long millisSince(long nanoTime) {
		return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
	}

}
