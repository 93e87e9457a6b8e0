package io.github.natsboot.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsboot.listener.AbstractNatsListenerContainer;
import io.github.natsboot.listener.CoreListenerMessageHandler;
import io.github.natsboot.listener.FailureDescription;
import io.github.natsboot.listener.NatsListenerEndpoint;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.service.Endpoint;
import io.nats.service.ServiceEndpoint;
import io.nats.service.ServiceMessageHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs a core {@link io.github.natsboot.listener.NatsListener @NatsListener} as endpoints
 * of the application's {@link NatsMicroService}, one per subject, so that messages flow
 * through jnats's service endpoints and are counted by {@code $SRV.STATS}. The listener is
 * invoked, and requests answered, exactly as by the core container; a message the
 * listener fails on is counted as an error of its endpoint.
 */
public class ServiceNatsListenerContainer extends AbstractNatsListenerContainer {

	private static final Log logger = LogFactory.getLog(ServiceNatsListenerContainer.class);

	private final Connection connection;

	private final NatsMicroService service;

	private final CoreListenerMessageHandler handler;

	private final long pendingMessages;

	private final long pendingBytes;

	private final Duration stopTimeout;

	private final List<String> endpointNames;

	private ServiceEndpointSubscriptions subscriptions;


	/**
	 * Create a container.
	 * @param endpoint the listener
	 * @param connection the connection to subscribe on
	 * @param service the service the endpoints belong to
	 * @param handler the handler of each message
	 * @param pendingMessages pending message limit
	 * @param pendingBytes pending byte limit
	 * @param stopTimeout how long stopping waits for messages already received
	 */
	public ServiceNatsListenerContainer(NatsListenerEndpoint endpoint, Connection connection,
			NatsMicroService service, CoreListenerMessageHandler handler, long pendingMessages, long pendingBytes,
			Duration stopTimeout) {
		super(endpoint);
		this.connection = connection;
		this.service = service;
		this.handler = handler;
		this.pendingMessages = pendingMessages;
		this.pendingBytes = pendingBytes;
		this.stopTimeout = stopTimeout;
		this.endpointNames = ServiceEndpointNames.of(endpoint.getId(), endpoint.getSubjects().size());
	}

	/**
	 * The names of this listener's service endpoints, one per subject.
	 * @return the endpoint names
	 */
	public List<String> getEndpointNames() {
		return this.endpointNames;
	}

	@Override
	protected void doStart() {
		if (this.subscriptions == null) {
			Dispatcher dispatcher = this.connection.createDispatcher();
			dispatcher.setPendingLimits(this.pendingMessages, this.pendingBytes);
			this.subscriptions = new ServiceEndpointSubscriptions(dispatcher);
			this.service.addEndpoints(serviceEndpoints(this.subscriptions));
		}
		else {
			this.subscriptions.resubscribe();
		}
		awaitSubscriptionsRegistered(this.connection);
	}

	private List<ServiceEndpoint> serviceEndpoints(ServiceEndpointSubscriptions subscriptions) {
		ServiceMessageHandler serviceHandler = (serviceMessage) -> {
			Throwable error = this.handler.handle(subscriptions.currentMessage());
			if (error != null) {
				throw new ServiceEndpointError(error);
			}
		};
		List<ServiceEndpoint> endpoints = new ArrayList<>();
		List<String> subjects = getEndpoint().getSubjects();
		for (int i = 0; i < subjects.size(); i++) {
			try {
				Endpoint.Builder definition = Endpoint.builder().name(this.endpointNames.get(i)).subject(subjects.get(i));
				definition = (getEndpoint().getQueue() != null) ? definition.queueGroup(getEndpoint().getQueue())
						: definition;
				endpoints.add(ServiceEndpoint.builder()
					.endpoint(definition.build())
					.handler(serviceHandler)
					.dispatcher(subscriptions.view())
					.build());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("@NatsListener '" + getListenerId() + "' cannot be the service endpoint '"
						+ this.endpointNames.get(i) + "' on '" + subjects.get(i) + "': " + ex.getMessage(), ex);
			}
		}
		return endpoints;
	}

	@Override
	protected void doStop() {
		long deadline = System.nanoTime() + this.stopTimeout.toNanos();
		try {
			this.subscriptions.drain(this.connection, this.stopTimeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.subscriptions.unsubscribe();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not drain the endpoints of listener '" + getListenerId() + "': " + ex);
			this.subscriptions.unsubscribe();
		}
		this.handler.awaitOutstandingResults(Duration.ofNanos(deadline - System.nanoTime()));
	}

	@Override
	protected void doPause() {
		this.subscriptions.unsubscribe();
	}

	@Override
	protected void doResume() {
		this.subscriptions.resubscribe();
		awaitSubscriptionsRegistered(this.connection);
	}

	@Override
	protected boolean isReceiving() {
		return this.subscriptions.dispatcher().isActive();
	}

	@Override
	public long getDroppedCount() {
		ServiceEndpointSubscriptions subscriptions = this.subscriptions;
		return (subscriptions != null) ? subscriptions.dispatcher().getDroppedCount() : 0;
	}

	@Override
	public String toString() {
		return "ServiceNatsListenerContainer[id=" + getListenerId() + ", endpoints=" + this.endpointNames
				+ ", subjects=" + getEndpoint().getSubjects() + "]";
	}

	/**
	 * Signals to jnats that a listener failed on a message, so that the endpoint counts an
	 * error and reports it as its last error. The requester has already been answered by
	 * the listener's own error reply, which comes first; jnats's standard error reply that
	 * follows reaches an inbox that no longer waits.
	 */
	static final class ServiceEndpointError extends RuntimeException {

		private final String description;

		ServiceEndpointError(Throwable error) {
			super(null, error, false, false);
			this.description = FailureDescription.of(error);
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
