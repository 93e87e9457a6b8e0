package io.github.natsboot.listener;

import io.github.natsboot.metrics.DefaultNatsListenerObservationConvention;
import io.github.natsboot.metrics.NatsListenerObservation;
import io.github.natsboot.metrics.NatsListenerObservationConvention;
import io.github.natsboot.metrics.NatsReceiverContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Message;

/**
 * Invokes one listener for a message, timing the invocation and, when observations are
 * enabled, running it inside an observation that continues the sender's trace. Created
 * once per container and shared by all its consumers; used by both the core and the
 * JetStream message handlers.
 */
final class ListenerInvoker {

	private final NatsListenerAdapter adapter;

	private final NatsListenerMetrics metrics;

	private final ObservationRegistry observationRegistry;

	private final NatsListenerObservationConvention observationConvention;

	private final String subjectTemplate;

	ListenerInvoker(NatsListenerEndpoint endpoint, NatsListenerMetrics metrics,
			ObservationRegistry observationRegistry, NatsListenerObservationConvention observationConvention) {
		this.adapter = endpoint.getAdapter();
		this.metrics = metrics;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.subjectTemplate = endpoint.getSubjectTemplate();
	}

	NatsListenerAdapter adapter() {
		return this.adapter;
	}

	NatsListenerMetrics metrics() {
		return this.metrics;
	}

	/**
	 * Invoke the listener.
	 * @param message the message
	 * @param acknowledgment its acknowledgment, or {@code null}
	 * @return the listener's return value
	 * @throws NatsListenerExecutionFailedException if the listener failed
	 */
	Object invoke(Message message, NatsAcknowledgment acknowledgment) {
		if (this.observationRegistry == null) {
			return invokeMeasured(message, acknowledgment);
		}
		Observation observation = NatsListenerObservation.LISTENER_OBSERVATION
			.observation(this.observationConvention, DefaultNatsListenerObservationConvention.INSTANCE,
					() -> new NatsReceiverContext(message, this.adapter.getListenerId(), this.subjectTemplate),
					this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return invokeMeasured(message, acknowledgment);
		}
		catch (NatsListenerExecutionFailedException ex) {
			observation.error((ex.getCause() != null) ? ex.getCause() : ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private Object invokeMeasured(Message message, NatsAcknowledgment acknowledgment) {
		long start = this.metrics.start();
		Object result;
		try {
			result = this.adapter.invoke(message, acknowledgment);
		}
		catch (NatsListenerExecutionFailedException ex) {
			this.metrics.processed(start, ex);
			throw ex;
		}
		this.metrics.processed(start, null);
		return result;
	}

}
