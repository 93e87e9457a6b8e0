package io.github.natsboot.listener;

import java.util.List;

import io.nats.client.Message;

import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * A listener method with one {@link ListenerArgument} per parameter, worked out when the
 * listener is registered: invoking it for a message resolves each argument directly and
 * calls the method through Spring's {@link #doInvoke(Object...)}, without the
 * per-message resolver lookups of {@link #invoke(org.springframework.messaging.Message,
 * Object...)} (which still works, with Spring's resolvers).
 */
final class NatsInvocableHandlerMethod extends InvocableHandlerMethod {

	private final ListenerArgument[] arguments;

	NatsInvocableHandlerMethod(InvocableHandlerMethod handlerMethod, List<HandlerMethodArgumentResolver> resolvers,
			ListenerArgument[] arguments) {
		super(handlerMethod);
		setMessageMethodArgumentResolvers(new HandlerMethodArgumentResolverComposite().addResolvers(resolvers));
		this.arguments = arguments;
	}

	/**
	 * Invoke the method for a message.
	 * @param message the NATS message
	 * @param acknowledgment its acknowledgment, or {@code null}
	 * @return what the method returned
	 * @throws Exception if an argument cannot be resolved or the method throws
	 */
	Object invoke(Message message, NatsAcknowledgment acknowledgment) throws Exception {
		NatsSpringMessage springMessage = new NatsSpringMessage(message);
		Object[] args = new Object[this.arguments.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = this.arguments[i].resolve(springMessage, acknowledgment);
		}
		return doInvoke(args);
	}

}
