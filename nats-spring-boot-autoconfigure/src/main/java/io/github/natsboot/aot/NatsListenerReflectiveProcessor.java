package io.github.natsboot.aot;

import io.github.natsboot.listener.NatsAcknowledgment;
import io.github.natsboot.listener.NatsBatchAcknowledgment;
import io.nats.client.Message;
import io.nats.client.impl.Headers;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.annotation.MessageMappingReflectiveProcessor;

/**
 * Registers what a native image needs to run a
 * {@link io.github.natsboot.listener.NatsListener @NatsListener} method: the method for
 * invocation, and its payload parameter and return types for JSON binding, as
 * spring-messaging does for {@code @MessageMapping} methods. NATS types that the
 * container supplies as they are (the raw {@link Message}, its {@link Headers}, the
 * {@link NatsAcknowledgment} and the {@link NatsBatchAcknowledgment}) are not payloads.
 */
public class NatsListenerReflectiveProcessor extends MessageMappingReflectiveProcessor {

	@Override
	protected boolean couldBePayload(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return super.couldBePayload(parameter) && !Message.class.isAssignableFrom(type)
				&& !Headers.class.isAssignableFrom(type) && !NatsAcknowledgment.class.isAssignableFrom(type)
				&& !NatsBatchAcknowledgment.class.isAssignableFrom(type);
	}

}
