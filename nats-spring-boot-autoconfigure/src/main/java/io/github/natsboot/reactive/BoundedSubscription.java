package io.github.natsboot.reactive;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * A core NATS subscription as a {@link Flux}: one dispatcher (one thread) per
 * subscriber, whose pending limits bound what waits for the subscriber's demand. The
 * dispatcher thread hands a message over only once it is requested and otherwise waits
 * ({@link DemandGate}), so the connection queues further messages in the dispatcher up to
 * its limits and then drops them, reporting a slow consumer to the connection's error
 * listener.
 */
final class BoundedSubscription {

	private static final Log logger = LogFactory.getLog(BoundedSubscription.class);

	private final Connection connection;

	private final NatsMessageConverter converter;

	private final long pendingMessages;

	private final long pendingBytes;

	private final Scheduler blockingScheduler;

	BoundedSubscription(Connection connection, NatsMessageConverter converter, long pendingMessages,
			long pendingBytes, Scheduler blockingScheduler) {
		this.connection = connection;
		this.converter = converter;
		this.pendingMessages = pendingMessages;
		this.pendingBytes = pendingBytes;
		this.blockingScheduler = blockingScheduler;
	}

	<T> Flux<NatsReceivedMessage<T>> flux(String subject, String queueGroup, Class<T> type) {
		return Flux.create((sink) -> {
			DemandGate gate = new DemandGate(sink);
			MessageHandler handler = (message) -> {
				if (gate.awaitDemand()) {
					NatsReceivedMessage<T> received = convert(message, type);
					if (received != null) {
						sink.next(received);
					}
				}
			};
			Dispatcher dispatcher = this.connection.createDispatcher();
			sink.onDispose(() -> {
				gate.close();
				this.blockingScheduler.schedule(() -> close(dispatcher));
			});
			dispatcher.setPendingLimits(this.pendingMessages, this.pendingBytes);
			if (queueGroup != null) {
				dispatcher.subscribe(subject, queueGroup, handler);
			}
			else {
				dispatcher.subscribe(subject, handler);
			}
			sink.onRequest((n) -> gate.signal());
		}, FluxSink.OverflowStrategy.ERROR);
	}

	private <T> NatsReceivedMessage<T> convert(Message message, Class<T> type) {
		try {
			T payload = this.converter.read(message.getData(), message.getHeaders(), type);
			return new NatsReceivedMessage<>(message.getSubject(), message.getReplyTo(), message.getHeaders(),
					payload);
		}
		catch (RuntimeException ex) {
			logger.warn("Skipped a message of " + message.getSubject() + " whose payload cannot be read as "
					+ type.getName() + ": " + ex.getMessage());
			return null;
		}
	}

	private void close(Dispatcher dispatcher) {
		try {
			this.connection.closeDispatcher(dispatcher);
		}
		catch (IllegalStateException ex) {
			logger.debug("Subscription already closed with its connection: " + ex.getMessage());
		}
	}

}
