package io.github.natsboot.reactive;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once for the reactive tests: a blocking call on a Reactor
 * non-blocking thread then fails the operation that made it. The one call allowed is
 * jnats queueing an outgoing message ({@code WriterMessageQueue.push}): every publish
 * takes the lock of the connection's outgoing queue for the time of one {@code offer}, so
 * publishes from several threads at once wait for each other there for microseconds.
 * (When that queue is full, jnats waits for room there too: see docs/reactive.md.)
 */
final class ReactorBlockHound {

	private static boolean installed;

	private ReactorBlockHound() {
	}

	static synchronized void install() {
		if (!installed) {
			// install(...) adds Reactor's own integration, which marks its non-blocking threads
			BlockHound.install((builder) -> builder.allowBlockingCallsInside("io.nats.client.impl.WriterMessageQueue",
					"push"));
			installed = true;
		}
	}

}
