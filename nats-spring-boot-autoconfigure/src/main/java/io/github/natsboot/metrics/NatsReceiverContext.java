package io.github.natsboot.metrics;

import io.micrometer.observation.transport.ReceiverContext;
import io.nats.client.Message;
import io.nats.client.impl.Headers;

/**
 * {@link ReceiverContext} of a message processed by a
 * {@link io.github.natsboot.listener.NatsListener}: tracing reads the trace context from
 * the message's NATS headers.
 */
public class NatsReceiverContext extends ReceiverContext<Message> {

	private final String listenerId;

	private final String subjectTemplate;

	/**
	 * Create a context.
	 * @param message the received message
	 * @param listenerId the listener id
	 * @param subjectTemplate the subjects the listener is configured with
	 */
	public NatsReceiverContext(Message message, String listenerId, String subjectTemplate) {
		super((carrier, key) -> {
			Headers headers = carrier.getHeaders();
			return (headers != null) ? headers.getFirst(key) : null;
		});
		setCarrier(message);
		setRemoteServiceName("nats");
		this.listenerId = listenerId;
		this.subjectTemplate = subjectTemplate;
	}

	/**
	 * The listener id.
	 * @return the listener id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * The subjects the listener is configured with, comma separated, wildcards included.
	 * @return the subject template
	 */
	public String getSubjectTemplate() {
		return this.subjectTemplate;
	}

	/**
	 * The subject the message was received on.
	 * @return the subject
	 */
	public String getSubject() {
		return getCarrier().getSubject();
	}

}
