package io.github.natsboot.listener;

import java.lang.reflect.Type;
import java.util.List;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.core.convert.PayloadReader;
import io.nats.client.Message;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * A batch listener method, worked out once when the listener is registered: which
 * parameter takes the list and what its elements are (payloads converted to their type, a
 * spring-messaging {@code Message<T>} per message, or the NATS messages as they are),
 * the reader of the element type, and which parameter, if any, takes the
 * {@link NatsBatchAcknowledgment}. Converting a message and invoking the method do no
 * lookups.
 */
final class BatchListenerMethod extends InvocableHandlerMethod {

	private final ElementKind kind;

	private final PayloadReader reader;

	private final Type payloadType;

	private final int parameterCount;

	private final int listIndex;

	private final int acknowledgmentIndex;

	private BatchListenerMethod(InvocableHandlerMethod handlerMethod, ElementKind kind, PayloadReader reader,
			Type payloadType, int listIndex, int acknowledgmentIndex) {
		super(handlerMethod);
		this.kind = kind;
		this.reader = reader;
		this.payloadType = payloadType;
		this.parameterCount = handlerMethod.getMethodParameters().length;
		this.listIndex = listIndex;
		this.acknowledgmentIndex = acknowledgmentIndex;
	}

	/**
	 * Work out a batch listener method.
	 * @param handlerMethod the method, as the message handler method factory made it
	 * @param converter the payload converter
	 * @param description the method, as errors name it
	 * @return the batch method
	 * @throws IllegalStateException if the method cannot take batches
	 */
	static BatchListenerMethod of(InvocableHandlerMethod handlerMethod, NatsMessageConverter converter,
			String description) {
		int listIndex = -1;
		int acknowledgmentIndex = -1;
		MethodParameter[] parameters = handlerMethod.getMethodParameters();
		for (MethodParameter parameter : parameters) {
			Class<?> type = parameter.getParameterType();
			if (type == List.class && listIndex < 0) {
				listIndex = parameter.getParameterIndex();
			}
			else if (type == NatsBatchAcknowledgment.class && acknowledgmentIndex < 0) {
				acknowledgmentIndex = parameter.getParameterIndex();
			}
			else {
				throw new IllegalStateException("@NatsListener " + description + " is a batch listener: its parameters "
						+ "are one List (of payloads, of Message<T> or of io.nats.client.Message) and optionally a "
						+ "NatsBatchAcknowledgment, but parameter " + parameter.getParameterIndex() + " is a "
						+ parameter.getGenericParameterType().getTypeName()
						+ ((NatsAcknowledgment.class.isAssignableFrom(type))
								? " (use NatsBatchAcknowledgment to settle the messages of a batch)" : ""));
			}
		}
		if (listIndex < 0) {
			throw new IllegalStateException("@NatsListener " + description
					+ " is a batch listener (batch = \"true\") but takes no List parameter: declare List<T> of "
					+ "payloads, List<Message<T>> or List<io.nats.client.Message>");
		}
		if (AsyncReturnType.of(handlerMethod.getReturnType()) != null) {
			throw new IllegalStateException("@NatsListener " + description
					+ " is a batch listener and returns its result asynchronously, which batch listeners do not "
					+ "support: return void and let the container acknowledge the batch when the method returns");
		}
		ResolvableType element = ResolvableType.forMethodParameter(parameters[listIndex]).getGeneric(0);
		Class<?> elementClass = element.resolve();
		if (elementClass == null || elementClass == Object.class) {
			throw new IllegalStateException("@NatsListener " + description + " is a batch listener whose List "
					+ "parameter does not say what its elements are: declare List<Order>, List<Message<Order>> or "
					+ "List<io.nats.client.Message>");
		}
		if (Message.class.isAssignableFrom(elementClass)) {
			return new BatchListenerMethod(handlerMethod, ElementKind.NATS_MESSAGES, null, null, listIndex,
					acknowledgmentIndex);
		}
		if (org.springframework.messaging.Message.class.isAssignableFrom(elementClass)) {
			ResolvableType payload = element.getGeneric(0);
			Type payloadType = (payload.resolve() != null && payload.resolve() != Object.class) ? payload.getType()
					: byte[].class;
			return new BatchListenerMethod(handlerMethod, ElementKind.SPRING_MESSAGES,
					readerFor(converter, payloadType, description), payloadType, listIndex, acknowledgmentIndex);
		}
		return new BatchListenerMethod(handlerMethod, ElementKind.PAYLOADS,
				readerFor(converter, element.getType(), description), element.getType(), listIndex,
				acknowledgmentIndex);
	}

	private static PayloadReader readerFor(NatsMessageConverter converter, Type type, String description) {
		try {
			return converter.readerFor(type);
		}
		catch (MessageConversionException ex) {
			throw new IllegalStateException("@NatsListener " + description + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the method takes a {@link NatsBatchAcknowledgment}.
	 * @return {@code true} if it settles messages itself
	 */
	boolean acknowledgesManually() {
		return this.acknowledgmentIndex >= 0;
	}

	/**
	 * Whether the elements of the list are the NATS messages as they are, so that no
	 * message can fail conversion.
	 * @return {@code true} for {@code List<io.nats.client.Message>}
	 */
	boolean takesNatsMessages() {
		return this.kind == ElementKind.NATS_MESSAGES;
	}

	/**
	 * The element of the list for a message.
	 * @param message the message
	 * @return the element
	 * @throws MessageConversionException if its payload cannot be read as the element's
	 * payload type
	 */
	Object element(Message message) {
		if (this.kind == ElementKind.NATS_MESSAGES) {
			return message;
		}
		byte[] data = message.getData();
		Object payload = this.reader.read((data != null) ? data : new byte[0], message.getHeaders());
		if (payload == null) {
			throw new MessageConversionException("Payload of " + ((data != null) ? data.length : 0)
					+ " bytes is empty or null, not a " + this.payloadType.getTypeName());
		}
		return (this.kind == ElementKind.SPRING_MESSAGES) ? new NatsBatchSpringMessage<>(payload, message) : payload;
	}

	/**
	 * Invoke the method.
	 * @param elements the list
	 * @param acknowledgment the acknowledgment of its messages, or {@code null} when the
	 * method takes none
	 * @return what the method returned
	 * @throws Exception what the method threw
	 */
	Object invoke(List<Object> elements, NatsBatchAcknowledgment acknowledgment) throws Exception {
		Object[] args = new Object[this.parameterCount];
		args[this.listIndex] = elements;
		if (this.acknowledgmentIndex >= 0) {
			args[this.acknowledgmentIndex] = acknowledgment;
		}
		return doInvoke(args);
	}

	private enum ElementKind {

		PAYLOADS, SPRING_MESSAGES, NATS_MESSAGES

	}

}
