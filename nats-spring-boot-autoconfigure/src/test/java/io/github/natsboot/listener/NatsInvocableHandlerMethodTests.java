package io.github.natsboot.listener;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.convert.DefaultNatsMessageConverter;
import io.github.natsboot.core.convert.JacksonJsonCodec;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arguments a listener method gets through its prepared arguments are the ones
 * spring-messaging's own resolution gives, and so are the errors.
 */
class NatsInvocableHandlerMethodTests {

	private static final NatsListenerMessageHandlerMethodFactory factory = createFactory();

	private final Recorder recorder = new Recorder();

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		Map<String, byte[]> payloads = Map.of("an order", json("{\"sku\":\"a\",\"quantity\":2}"), "an invalid order",
				json("{\"sku\":\"a\",\"quantity\":-1}"), "malformed json", json("{not json"), "the json null",
				json("null"), "an empty payload", new byte[0]);
		for (Method method : Recorder.class.getDeclaredMethods()) {
			if (method.getName().startsWith("on")) {
				payloads.forEach((description, data) -> {
					cases.add(Arguments.of(method.getName(), description, data, false));
					cases.add(Arguments.of(method.getName(), description, data, true));
				});
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} given {1} (acknowledgment: {3})")
	@MethodSource("cases")
	void resolvesEveryParameterAsSpringMessagingWould(String methodName, String description, byte[] data,
			boolean withAcknowledgment) {
		Method method = Arrays.stream(Recorder.class.getDeclaredMethods())
			.filter((candidate) -> candidate.getName().equals(methodName))
			.findFirst()
			.orElseThrow();
		InvocableHandlerMethod handlerMethod = factory.createInvocableHandlerMethod(this.recorder, method);
		assertThat(handlerMethod).isInstanceOf(NatsInvocableHandlerMethod.class);
		NatsInvocableHandlerMethod prepared = (NatsInvocableHandlerMethod) handlerMethod;
		Message message = NatsMessage.builder()
			.subject("orders.created")
			.replyTo("_INBOX.reply")
			.headers(new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json").put("X-Trace", "t-1"))
			.data(data)
			.build();
		NatsAcknowledgment acknowledgment = withAcknowledgment ? new TestAcknowledgment() : null;
		Outcome bySpring = outcome(() -> prepared.invoke(new NatsSpringMessage(message), message, acknowledgment));
		Outcome byPreparedArguments = outcome(() -> prepared.invoke(message, acknowledgment));
		assertThat(byPreparedArguments).isEqualTo(bySpring);
	}

	private Outcome outcome(Invocation invocation) {
		this.recorder.arguments.clear();
		try {
			invocation.invoke();
			return new Outcome(describe(this.recorder.arguments), null, null);
		}
		catch (Exception ex) {
			return new Outcome(null, ex.getClass(), ex.getMessage());
		}
	}

	private static List<Object> describe(List<Object> arguments) {
		return arguments.stream().map((argument) -> (argument instanceof byte[] bytes) ? Arrays.toString(bytes)
				: (argument instanceof Headers headers) ? headers.toMap() : argument).toList();
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static NatsListenerMessageHandlerMethodFactory createFactory() {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		return NatsListenerMessageHandlerMethodFactory.create(
				new DefaultNatsMessageConverter(new JacksonJsonCodec(JsonMapper.builder().build())), validator,
				new DefaultListableBeanFactory());
	}

	@FunctionalInterface
	interface Invocation {

		void invoke() throws Exception;

	}

	record Outcome(List<Object> arguments, Class<?> error, String errorMessage) {

	}

	record Order(String sku, @Min(0) int quantity) {

	}

	static final class TestAcknowledgment implements NatsAcknowledgment {

		@Override
		public void ack() {
		}

		@Override
		public void nak() {
		}

		@Override
		public void nak(java.time.Duration delay) {
		}

		@Override
		public void term() {
		}

		@Override
		public void inProgress() {
		}

		@Override
		public boolean isSettled() {
			return false;
		}

		@Override
		public String toString() {
			return "acknowledgment";
		}

	}

	static class Recorder {

		final List<Object> arguments = new ArrayList<>();

		void record(Object... arguments) {
			this.arguments.addAll(Arrays.asList(arguments));
		}

		void onOrder(Order order) {
			record(order);
		}

		void onAnnotatedPayload(@Payload Order order, Message message) {
			record(order, message.getSubject());
		}

		void onOptionalPayload(@Payload(required = false) Order order) {
			record(String.valueOf(order));
		}

		void onOptional(Optional<Order> order) {
			record(order);
		}

		void onValidated(@Valid Order order) {
			record(order);
		}

		void onBytes(byte[] data) {
			record(data);
		}

		void onText(String text) {
			record(text);
		}

		void onObject(Object object) {
			record((object instanceof Message message) ? "message " + message.getSubject() : object);
		}

		void onHeaders(@Header("X-Trace") String trace, @Header(NatsHeaders.RECEIVED_SUBJECT) String subject,
				@Header(name = NatsHeaders.REPLY_TO, required = false) String replyTo,
				@org.springframework.messaging.handler.annotation.Headers Map<String, Object> headers) {
			record(trace, subject, replyTo, headers.get("X-Trace"));
		}

		void onSpringMessage(org.springframework.messaging.Message<Order> message) {
			record(message.getPayload(), message.getHeaders().get(NatsHeaders.RECEIVED_SUBJECT));
		}

		void onAcknowledgment(Order order, NatsAcknowledgment acknowledgment) {
			record(order, String.valueOf(acknowledgment));
		}

		void onNatsHeaders(Message message, Order order) {
			record(message.getHeaders(), order);
		}

	}

}
