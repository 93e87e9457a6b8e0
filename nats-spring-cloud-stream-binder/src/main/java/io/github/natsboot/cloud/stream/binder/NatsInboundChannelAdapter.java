package io.github.natsboot.cloud.stream.binder;

import java.lang.reflect.Method;
import java.util.Set;

import io.github.natsboot.listener.NatsListenerContainer;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.integration.core.ErrorMessagePublisher;
import org.springframework.integration.core.Pausable;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.ReflectionUtils;

/**
 * The consumer endpoint of a binding: a starter listener container whose listener hands
 * each NATS message, with its headers mapped, to the binding's input channel. Starting,
 * stopping, pausing and resuming the binding (also through {@code /actuator/bindings})
 * does the same to the container.
 * <p>
 * The function bound to the channel runs on the container's thread, so it has returned
 * when the send returns: a JetStream message is acknowledged then, and a failure reaches
 * the container, which naks with its backoff and dead-letters after the last delivery.
 * A core binding, which no server redelivers, retries in process as Spring Cloud Stream
 * does ({@code maxAttempts} and the backoff properties) and then publishes the failure to
 * the binding's error channel.
 */
final class NatsInboundChannelAdapter extends MessageProducerSupport implements Pausable {

	private static final Set<String> JACKSON_FAILURES = Set.of("tools.jackson.core.JacksonException",
			"com.fasterxml.jackson.core.JacksonException");

	private final NatsBinderHeaderMapper headerMapper;

	private final RetryTemplate retryTemplate;

	private final ErrorMessagePublisher errorPublisher;

	private final Receiver receiver = new Receiver();

	private NatsListenerContainer container;

	/**
	 * Create the endpoint of a JetStream binding, whose failures go back to the container.
	 * @param headerMapper the header mapper
	 */
	NatsInboundChannelAdapter(NatsBinderHeaderMapper headerMapper) {
		this(headerMapper, null, null);
	}

	/**
	 * Create the endpoint of a core binding.
	 * @param headerMapper the header mapper
	 * @param retryTemplate the in-process retries, or {@code null} for one attempt
	 * @param errorPublisher where a failure goes after the last attempt
	 */
	NatsInboundChannelAdapter(NatsBinderHeaderMapper headerMapper, RetryTemplate retryTemplate,
			ErrorMessagePublisher errorPublisher) {
		this.headerMapper = headerMapper;
		this.retryTemplate = retryTemplate;
		this.errorPublisher = errorPublisher;
	}

	/**
	 * The object whose {@link Receiver#METHOD} the container's listener invokes.
	 * @return the receiver
	 */
	Receiver receiver() {
		return this.receiver;
	}

	void setContainer(NatsListenerContainer container) {
		this.container = container;
	}

	NatsListenerContainer getContainer() {
		return this.container;
	}

	@Override
	protected void doStart() {
		this.container.start();
	}

	@Override
	protected void doStop() {
		this.container.stop();
	}

	@Override
	public void pause() {
		this.container.pause();
	}

	@Override
	public void resume() {
		this.container.resume();
	}

	@Override
	public boolean isPaused() {
		return this.container.isPaused();
	}

	@Override
	public String getComponentType() {
		return "nats:inbound-channel-adapter";
	}

	private void receive(io.nats.client.Message natsMessage) {
		byte[] data = natsMessage.getData();
		Message<byte[]> message = MessageBuilder.createMessage((data != null) ? data : new byte[0],
				new MessageHeaders(this.headerMapper.toHeaders(natsMessage)));
		if (this.errorPublisher == null) {
			sendToContainer(message);
			return;
		}
		try {
			if (this.retryTemplate != null) {
				this.retryTemplate.execute(() -> {
					sendMessage(message);
					return null;
				});
			}
			else {
				sendMessage(message);
			}
		}
		catch (RetryException ex) {
			this.errorPublisher.publish(message, message, ex.getCause());
		}
		catch (RuntimeException ex) {
			this.errorPublisher.publish(message, message, ex);
		}
	}

	/**
	 * Send for a JetStream binding: a failure goes back to the container as what the
	 * function threw, without the messaging exceptions around it, and a payload the
	 * function could not read (a conversion or JSON failure) as a conversion failure, so
	 * that it is dead-lettered at once instead of being redelivered.
	 */
	private void sendToContainer(Message<byte[]> message) {
		try {
			sendMessage(message);
		}
		catch (RuntimeException ex) {
			throw unwrap(message, ex);
		}
	}

	private static RuntimeException unwrap(Message<byte[]> message, RuntimeException failure) {
		Throwable cause = failure;
		while (cause instanceof MessagingException && !(cause instanceof MessageConversionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof MessageConversionException conversion) {
			return conversion;
		}
		if (isUnreadablePayload(cause)) {
			return new MessageConversionException(message, "Cannot read the payload: " + cause.getMessage(), cause);
		}
		return (cause instanceof RuntimeException runtime) ? runtime : failure;
	}

	/**
	 * Whether a failure is Jackson's (3 or 2), which Spring Cloud Function's JSON
	 * conversion throws as it is when a payload is not the JSON its function reads.
	 */
	private static boolean isUnreadablePayload(Throwable failure) {
		for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
			if (JACKSON_FAILURES.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What the container's listener method is: one parameter, the NATS message, which
	 * the starter's argument preparation hands over as it is.
	 */
	final class Receiver {

		static final Method METHOD = ReflectionUtils.findMethod(Receiver.class, "receive",
				io.nats.client.Message.class);

		public void receive(io.nats.client.Message message) {
			NatsInboundChannelAdapter.this.receive(message);
		}

	}

}
