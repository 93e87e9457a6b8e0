package io.github.natsboot.reactive;

import java.util.concurrent.locks.LockSupport;

import reactor.core.publisher.FluxSink;

/**
 * Holds back the thread that delivers pushed messages until the subscriber has asked for
 * one: so that nothing is buffered between a NATS subscription and its subscriber, and
 * messages wait in the subscription's own bounded queue instead. Only ever waits on the
 * subscription's own delivery thread, never on a Reactor thread.
 */
final class DemandGate {

	private final FluxSink<?> sink;

	private volatile Thread waiter;

	private volatile boolean closed;

	DemandGate(FluxSink<?> sink) {
		this.sink = sink;
	}

	/**
	 * Wait until the subscriber has requested an element or the gate is closed.
	 * @return whether an element may be delivered; {@code false} once closed or when the
	 * delivering thread is interrupted
	 */
	boolean awaitDemand() {
		while (!this.closed && this.sink.requestedFromDownstream() == 0) {
			this.waiter = Thread.currentThread();
			if (!this.closed && this.sink.requestedFromDownstream() == 0) {
				LockSupport.park(this);
			}
			this.waiter = null;
			if (Thread.currentThread().isInterrupted()) {
				return false;
			}
		}
		return !this.closed;
	}

	/**
	 * Wake the waiting thread up: the subscriber requested more.
	 */
	void signal() {
		Thread thread = this.waiter;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	/**
	 * Close the gate: the subscriber cancelled; a waiting thread returns at once.
	 */
	void close() {
		this.closed = true;
		signal();
	}

}
