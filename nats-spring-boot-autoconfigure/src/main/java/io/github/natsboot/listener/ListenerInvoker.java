package io.github.natsboot.listener;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import io.github.natsboot.metrics.DefaultNatsListenerObservationConvention;
import io.github.natsboot.metrics.NatsListenerObservation;
import io.github.natsboot.metrics.NatsListenerObservationConvention;
import io.github.natsboot.metrics.NatsReceiverContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Invokes one listener for a message, timing the invocation and, when observations are
 * enabled, running it inside an observation that continues the sender's trace. Created
 * once per container and shared by all its consumers; used by both the core and the
 * JetStream message handlers. For a method that returns its result asynchronously
 * ({@link NatsListenerAdapter#isAsync()}), the timer and the observation end when the
 * result completes, and the container's {@link OutstandingResults} bound how many
 * results are incomplete at once.
 */
final class ListenerInvoker {

	private static final Log logger = LogFactory.getLog(ListenerInvoker.class);

	private final NatsListenerAdapter adapter;

	private final NatsListenerMetrics metrics;

	private final ObservationRegistry observationRegistry;

	private final NatsListenerObservationConvention observationConvention;

	private final String subjectTemplate;

	private final OutstandingResults outstanding;

	ListenerInvoker(NatsListenerEndpoint endpoint, NatsListenerMetrics metrics,
			ObservationRegistry observationRegistry, NatsListenerObservationConvention observationConvention) {
		this.adapter = endpoint.getAdapter();
		this.metrics = metrics;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.subjectTemplate = endpoint.getSubjectTemplate();
		this.outstanding = new OutstandingResults(endpoint.getConcurrency());
	}

	NatsListenerAdapter adapter() {
		return this.adapter;
	}

	NatsListenerMetrics metrics() {
		return this.metrics;
	}

	/**
	 * The results of asynchronous invocations not complete yet.
	 * @return the outstanding results
	 */
	OutstandingResults outstanding() {
		return this.outstanding;
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
		Observation observation = startObservation(message);
		try (Observation.Scope scope = observation.openScope()) {
			return invokeMeasured(message, acknowledgment);
		}
		catch (NatsListenerExecutionFailedException ex) {
			observation.error(causeOf(ex));
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Invoke a listener whose method returns its result asynchronously, once there is
	 * room for another outstanding result, and hand the outcome to the handler when the
	 * result completes (on the thread that completes it: at once when it is complete on
	 * return). The timer and the observation end then too.
	 * @param message the message
	 * @param acknowledgment its acknowledgment, or {@code null}
	 * @param inFlight the message as its delivery thread tracks it, or {@code null}
	 * @param handler decides what the outcome means
	 * @return {@code false} if the listener was not invoked: waiting for room was given
	 * up
	 */
	boolean invokeAsync(Message message, NatsAcknowledgment acknowledgment, InFlightMessage inFlight,
			ListenerOutcomeHandler handler) {
		if (!this.outstanding.acquire(message, handler)) {
			return false;
		}
		Observation observation = (this.observationRegistry != null) ? startObservation(message) : null;
		PendingResult result = new PendingResult(message, acknowledgment, handler,
				this.outstanding.begin(trackedMessage(message, inFlight)), observation, this.metrics.start());
		Object returned;
		try (Observation.Scope scope = (observation != null) ? observation.openScope() : null) {
			returned = this.adapter.invoke(message, acknowledgment);
		}
		catch (NatsListenerExecutionFailedException ex) {
			result.complete(null, ex);
			return true;
		}
		try {
			this.adapter.asyncReturnType().whenComplete(returned, result);
		}
		catch (RuntimeException ex) {
			result.complete(null, failure(message, ex));
		}
		return true;
	}

	/**
	 * Invoke a batch listener with a batch, timed and observed once for the whole batch
	 * (the observation's context is the first message's, whose trace it continues).
	 * @param adapter the batch listener's adapter
	 * @param messages the messages of the batch
	 * @param elements their elements in the list the method receives
	 * @param acknowledgment the acknowledgment of the batch, or {@code null}
	 * @throws NatsListenerExecutionFailedException if the listener failed
	 */
	void invokeBatch(BatchNatsListenerAdapter adapter, List<Message> messages, List<Object> elements,
			NatsBatchAcknowledgment acknowledgment) {
		this.metrics.batch(elements.size());
		Observation observation = (this.observationRegistry != null) ? startObservation(messages.get(0)) : null;
		long start = this.metrics.start();
		try (Observation.Scope scope = (observation != null) ? observation.openScope() : null) {
			adapter.invokeBatch(messages, elements, acknowledgment);
		}
		catch (NatsListenerExecutionFailedException ex) {
			this.metrics.processed(start, ex);
			if (observation != null) {
				observation.error(causeOf(ex));
			}
			throw ex;
		}
		finally {
			if (observation != null) {
				observation.stop();
			}
		}
		this.metrics.processed(start, null);
	}

	private NatsListenerExecutionFailedException failure(Message message, Throwable error) {
		return new NatsListenerExecutionFailedException(this.adapter.getListenerId(), message.getSubject(), false,
				error);
	}

	private static InFlightMessage trackedMessage(Message message, InFlightMessage inFlight) {
		if (inFlight != null) {
			return inFlight.continued();
		}
		InFlightMessage tracked = new InFlightMessage();
		tracked.begin(message);
		return tracked;
	}

	private Observation startObservation(Message message) {
		return NatsListenerObservation.LISTENER_OBSERVATION
			.observation(this.observationConvention, DefaultNatsListenerObservationConvention.INSTANCE,
					() -> new NatsReceiverContext(message, this.adapter.getListenerId(), this.subjectTemplate),
					this.observationRegistry)
			.start();
	}

	private static Throwable causeOf(NatsListenerExecutionFailedException failure) {
		return (failure.getCause() != null) ? failure.getCause() : failure;
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

	/**
	 * An asynchronous result not complete yet: completing it once ends its timer and
	 * observation, hands the outcome to the handler and gives back its room.
	 */
	private final class PendingResult implements BiConsumer<Object, Throwable> {

		private final Message message;

		private final NatsAcknowledgment acknowledgment;

		private final ListenerOutcomeHandler handler;

		private final OutstandingResults.Result tracked;

		private final Observation observation;

		private final long start;

		private final AtomicBoolean completed = new AtomicBoolean();

		PendingResult(Message message, NatsAcknowledgment acknowledgment, ListenerOutcomeHandler handler,
				OutstandingResults.Result tracked, Observation observation, long start) {
			this.message = message;
			this.acknowledgment = acknowledgment;
			this.handler = handler;
			this.tracked = tracked;
			this.observation = observation;
			this.start = start;
		}

		@Override
		public void accept(Object value, Throwable error) {
			complete(value, (error != null) ? failure(this.message, error) : null);
		}

		void complete(Object value, NatsListenerExecutionFailedException failure) {
			if (!this.completed.compareAndSet(false, true)) {
				return;
			}
			try {
				ListenerInvoker.this.metrics.processed(this.start, failure);
				if (this.observation != null) {
					if (failure != null) {
						this.observation.error(causeOf(failure));
					}
					this.observation.stop();
				}
				this.handler.onOutcome(this.message, this.acknowledgment, value, failure);
			}
			catch (Throwable ex) {
				logger.error("Listener '" + ListenerInvoker.this.adapter.getListenerId()
						+ "' could not complete a message on " + this.message.getSubject(), ex);
			}
			finally {
				ListenerInvoker.this.outstanding.end(this.tracked);
			}
		}

	}

}
