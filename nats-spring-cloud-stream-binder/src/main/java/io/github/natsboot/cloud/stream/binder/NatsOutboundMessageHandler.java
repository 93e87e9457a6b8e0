package io.github.natsboot.cloud.stream.binder;

import io.github.natsboot.core.NatsTemplate;
import io.nats.client.impl.Headers;

import org.springframework.cloud.stream.binder.BinderHeaders;
import org.springframework.context.Lifecycle;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.ErrorMessage;

/**
 * The producer side of a binding: publishes each message through the starter's
 * {@link NatsTemplate} (so its conversion, size checks, metrics and observations apply)
 * to the destination subject, or to the subject of its partition. A JetStream binding
 * publishes to its stream and waits for the acknowledgement, or with
 * {@code async} returns at once within the template's window of pending publishes and
 * sends a failed publish to the binding's error channel.
 */
final class NatsOutboundMessageHandler extends AbstractMessageHandler implements Lifecycle {

	private final NatsTemplate template;

	private final NatsProducerDestination destination;

	private final boolean async;

	private final NatsBinderHeaderMapper headerMapper;

	private final MessageChannel errorChannel;

	private volatile boolean running;

	NatsOutboundMessageHandler(NatsTemplate template, NatsProducerDestination destination, boolean async,
			NatsBinderHeaderMapper headerMapper, MessageChannel errorChannel) {
		this.template = template;
		this.destination = destination;
		this.async = async;
		this.headerMapper = headerMapper;
		this.errorChannel = errorChannel;
	}

	@Override
	protected void handleMessageInternal(Message<?> message) {
		String subject = subjectOf(message);
		Headers headers = this.headerMapper.fromHeaders(message.getHeaders());
		Object payload = message.getPayload();
		if (this.destination.stream() == null) {
			this.template.publish(subject, payload, headers);
		}
		else if (!this.async) {
			this.template.publishToStream(subject, payload, headers, null);
		}
		else {
			this.template.publishToStreamAsync(subject, payload, headers, null).whenComplete((ack, failure) -> {
				if (failure != null) {
					publishFailed(message, subject, failure);
				}
			});
		}
	}

	private String subjectOf(Message<?> message) {
		Object partition = message.getHeaders().get(BinderHeaders.PARTITION_HEADER);
		if (partition == null) {
			return this.destination.getName();
		}
		int index = (partition instanceof Number number) ? number.intValue() : Integer.parseInt(partition.toString());
		return this.destination.getNameForPartition(index);
	}

	private void publishFailed(Message<?> message, String subject, Throwable failure) {
		MessageHandlingException exception = new MessageHandlingException(message,
				"Publish to stream '" + this.destination.stream() + "' on '" + subject + "' failed", failure);
		if (this.errorChannel != null) {
			this.errorChannel.send(new ErrorMessage(exception, message));
		}
		else {
			this.logger.error(exception, "Asynchronous publish failed and the binding has no error channel");
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
