package io.github.natsboot.metrics;

import io.github.natsboot.core.NatsTemplateOperation;
import io.micrometer.observation.transport.SenderContext;
import io.nats.client.impl.Headers;

/**
 * {@link SenderContext} of a message sent by a {@link io.github.natsboot.core.NatsTemplate}:
 * its NATS {@link Headers} are the carrier that tracing writes the trace context into.
 */
public class NatsSenderContext extends SenderContext<Headers> {

	private final NatsTemplateOperation operation;

	private final String subject;

	private final String templateName;

	/**
	 * Create a context.
	 * @param headers the headers of the message to send, written to by propagation
	 * @param operation the operation
	 * @param subject the subject
	 * @param templateName the bean name of the template
	 */
	public NatsSenderContext(Headers headers, NatsTemplateOperation operation, String subject, String templateName) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		});
		setCarrier(headers);
		setRemoteServiceName("nats");
		this.operation = operation;
		this.subject = subject;
		this.templateName = templateName;
	}

	/**
	 * The operation.
	 * @return the operation
	 */
	public NatsTemplateOperation getOperation() {
		return this.operation;
	}

	/**
	 * The subject the message is sent to.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	/**
	 * The bean name of the template.
	 * @return the template name
	 */
	public String getTemplateName() {
		return this.templateName;
	}

}
