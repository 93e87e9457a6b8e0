package io.github.natsboot.service;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.natsboot.core.NatsFlushes;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import io.nats.client.Subscription;

/**
 * The subscriptions that jnats service endpoints make on one listener's dispatcher. jnats
 * subscribes an endpoint once, when the service starts it, and never again; this view of
 * the dispatcher remembers each subscription and its handler, so that the listener
 * container can unsubscribe and subscribe it again (stop and start, pause and resume)
 * while the endpoint and its statistics live on. It also exposes the raw message being
 * handled on the dispatcher thread, which jnats hands to service handlers only wrapped.
 */
final class ServiceEndpointSubscriptions {

	private final Dispatcher dispatcher;

	private final Dispatcher view;

	private final List<EndpointSubscription> subscriptions = new CopyOnWriteArrayList<>();

	private final ThreadLocal<Message> current = new ThreadLocal<>();

	ServiceEndpointSubscriptions(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
		this.view = (Dispatcher) Proxy.newProxyInstance(Dispatcher.class.getClassLoader(),
				new Class<?>[] { Dispatcher.class }, new RecordingHandler());
	}

	/**
	 * The dispatcher to give jnats service endpoints.
	 * @return the recording view of the dispatcher
	 */
	Dispatcher view() {
		return this.view;
	}

	/**
	 * The underlying dispatcher.
	 * @return the dispatcher
	 */
	Dispatcher dispatcher() {
		return this.dispatcher;
	}

	/**
	 * The message being handled on the calling dispatcher thread.
	 * @return the message, or {@code null} outside message handling
	 */
	Message currentMessage() {
		return this.current.get();
	}

	/**
	 * Stop receiving; messages already received are still handled, within the timeout.
	 * @param connection the connection of the dispatcher
	 * @param timeout how long to wait for them
	 */
	void drain(Connection connection, Duration timeout) throws InterruptedException {
		for (EndpointSubscription subscription : this.subscriptions) {
			subscription.drain(connection, timeout);
		}
	}

	/**
	 * Stop receiving at once.
	 */
	void unsubscribe() {
		for (EndpointSubscription subscription : this.subscriptions) {
			subscription.unsubscribe();
		}
	}

	/**
	 * Receive again after {@link #drain(Duration)} or {@link #unsubscribe()}.
	 */
	void resubscribe() {
		for (EndpointSubscription subscription : this.subscriptions) {
			subscription.subscribe();
		}
	}

	private MessageHandler exposingMessage(MessageHandler handler) {
		return (message) -> {
			this.current.set(message);
			try {
				handler.onMessage(message);
			}
			finally {
				this.current.remove();
			}
		};
	}

	private final class RecordingHandler implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("subscribe") && args != null
					&& args[args.length - 1] instanceof MessageHandler handler) {
				EndpointSubscription subscription = new EndpointSubscription((String) args[0],
						(args.length == 3) ? (String) args[1] : null, exposingMessage(handler));
				subscription.subscribe();
				ServiceEndpointSubscriptions.this.subscriptions.add(subscription);
				return subscription.subscription;
			}
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> "ServiceEndpointSubscriptions[" + ServiceEndpointSubscriptions.this.dispatcher + "]";
				};
			}
			try {
				return method.invoke(ServiceEndpointSubscriptions.this.dispatcher, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

	private final class EndpointSubscription {

		private final String subject;

		private final String queue;

		private final MessageHandler handler;

		private volatile Subscription subscription;

		EndpointSubscription(String subject, String queue, MessageHandler handler) {
			this.subject = subject;
			this.queue = queue;
			this.handler = handler;
		}

		void subscribe() {
			if (this.subscription != null && this.subscription.isActive()) {
				return;
			}
			this.subscription = (this.queue != null)
					? ServiceEndpointSubscriptions.this.dispatcher.subscribe(this.subject, this.queue, this.handler)
					: ServiceEndpointSubscriptions.this.dispatcher.subscribe(this.subject, this.handler);
		}

		void unsubscribe() {
			Subscription subscription = this.subscription;
			if (subscription != null && subscription.isActive()) {
				ServiceEndpointSubscriptions.this.dispatcher.unsubscribe(subscription);
			}
		}

		void drain(Connection connection, Duration timeout) throws InterruptedException {
			Subscription subscription = this.subscription;
			if (subscription != null && subscription.isActive()) {
				try {
					NatsFlushes.drain(connection, subscription, timeout)
						.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
				}
				catch (ExecutionException | TimeoutException ex) {
					unsubscribe();
				}
			}
		}

	}

}
