package io.github.natsboot.listener;

import java.util.Arrays;

import io.nats.client.Message;

import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * Invokes a listener method for a NATS message through spring-messaging's
 * {@link InvocableHandlerMethod}: argument resolution, payload conversion and validation
 * are Spring's. Everything about the method is worked out once, when the adapter is
 * created: a method from {@link NatsListenerMessageHandlerMethodFactory} has its
 * arguments prepared per parameter, any other goes through Spring's per-message
 * resolution, and so is whether it returns its result asynchronously
 * ({@link #isAsync()}). Shared by the core and the JetStream containers, which decide
 * what a result or a failure means (a reply, an ack, a nak).
 */
public class NatsListenerAdapter {

	private final String listenerId;

	private final InvocableHandlerMethod handlerMethod;

	private final NatsInvocableHandlerMethod preparedMethod;

	private final boolean returnsValue;

	private final boolean acknowledgesManually;

	private final AsyncReturnType asyncReturnType;

	private final NatsListenerErrorHandler errorHandler;

	/**
	 * Create an adapter.
	 * @param listenerId the listener id, for error messages
	 * @param handlerMethod the method to invoke
	 * @param errorHandler the handler for failures
	 */
	public NatsListenerAdapter(String listenerId, InvocableHandlerMethod handlerMethod,
			NatsListenerErrorHandler errorHandler) {
		this.listenerId = listenerId;
		this.handlerMethod = handlerMethod;
		this.preparedMethod = (handlerMethod instanceof NatsInvocableHandlerMethod prepared) ? prepared : null;
		this.errorHandler = errorHandler;
		this.asyncReturnType = AsyncReturnType.of(handlerMethod.getReturnType());
		Class<?> returnType = handlerMethod.getReturnType().getParameterType();
		this.returnsValue = (this.asyncReturnType != null) ? this.asyncReturnType.producesValue()
				: returnType != void.class && returnType != Void.class;
		this.acknowledgesManually = Arrays.stream(handlerMethod.getMethodParameters())
			.anyMatch((parameter) -> NatsAcknowledgment.class.isAssignableFrom(parameter.getParameterType()));
	}

	/**
	 * Whether the method takes a {@link NatsAcknowledgment} and acknowledges itself.
	 * @return {@code true} for manual acknowledgment
	 */
	public boolean acknowledgesManually() {
		return this.acknowledgesManually;
	}

	/**
	 * Whether the method takes its messages in batches ({@code batch = "true"}).
	 * @return {@code true} for a batch listener
	 */
	public boolean isBatch() {
		return false;
	}

	/**
	 * The listener id.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * Whether the method returns a value that answers requests.
	 * @return {@code false} for a {@code void} method, and for one whose asynchronous
	 * result completes without a value ({@code CompletableFuture<Void>},
	 * {@code Mono<Void>})
	 */
	public boolean returnsValue() {
		return this.returnsValue;
	}

	/**
	 * Whether the method returns its result asynchronously: a {@code CompletionStage}
	 * such as a {@code CompletableFuture}, or a single-value reactive type such as a
	 * Reactor {@code Mono}. Its result is the value that completes it, or the error.
	 * @return {@code true} for an asynchronous method
	 */
	public boolean isAsync() {
		return this.asyncReturnType != null;
	}

	AsyncReturnType asyncReturnType() {
		return this.asyncReturnType;
	}

	/**
	 * The error handler of this listener.
	 * @return the error handler
	 */
	public NatsListenerErrorHandler getErrorHandler() {
		return this.errorHandler;
	}

	/**
	 * Invoke the listener method.
	 * @param message the received message
	 * @return the method's return value
	 * @throws NatsListenerExecutionFailedException if the payload cannot be converted or
	 * validated, or the method throws
	 */
	public Object invoke(Message message) {
		return invoke(message, null);
	}

	/**
	 * Invoke the listener method with an acknowledgment its parameters may ask for.
	 * @param message the received message
	 * @param acknowledgment the acknowledgment of the message, or {@code null}
	 * @return the method's return value
	 * @throws NatsListenerExecutionFailedException if the payload cannot be converted or
	 * validated, or the method throws
	 */
	public Object invoke(Message message, NatsAcknowledgment acknowledgment) {
		try {
			if (this.preparedMethod != null) {
				return this.preparedMethod.invoke(message, acknowledgment);
			}
			return this.handlerMethod.invoke(new NatsSpringMessage(message), message, acknowledgment);
		}
		catch (MessageConversionException | MethodArgumentResolutionException ex) {
			throw new NatsListenerExecutionFailedException(this.listenerId, message.getSubject(), true, ex);
		}
		catch (Throwable ex) {
			throw new NatsListenerExecutionFailedException(this.listenerId, message.getSubject(), false, ex);
		}
	}

}
