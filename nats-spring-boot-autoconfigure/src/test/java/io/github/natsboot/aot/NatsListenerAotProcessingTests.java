package io.github.natsboot.aot;

import java.util.List;

import io.github.natsboot.listener.NatsAcknowledgment;
import io.github.natsboot.listener.NatsListener;
import io.nats.client.Message;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AOT processing of an application context with {@link NatsListener} beans registers the
 * hints a native image needs to invoke them.
 */
class NatsListenerAotProcessingTests {

	private final RuntimeHints hints = processAheadOfTime(OrderListeners.class);

	@Test
	void listenerMethodsAreRegisteredForInvocation() throws Exception {
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderListeners.class.getDeclaredMethod("place", PlaceOrder.class, String.class)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderListeners.class.getDeclaredMethod("audit", Message.class, NatsAcknowledgment.class)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderListeners.class.getDeclaredMethod("batch", List.class)))
			.accepts(this.hints);
	}

	@Test
	void payloadAndReplyTypesAreRegisteredForJsonBinding() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(PlaceOrder.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PlaceOrder.class, "item"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OrderPlaced.class, "orderId"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OrderLine.class, "quantity"))
			.as("element type of a List payload").accepts(this.hints);
	}

	@Test
	void natsTypesSuppliedByTheContainerAreNotBoundAsPayloads() {
		assertThat(RuntimeHintsPredicates.reflection().onType(Message.class)).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(NatsAcknowledgment.class)).rejects(this.hints);
	}

	@Test
	void jnatsVersionResourceIsIncludedThroughAotFactories() {
		assertThat(RuntimeHintsPredicates.resource().forResource(NatsRuntimeHints.JNATS_VERSION_RESOURCE))
			.accepts(this.hints);
	}

	private static RuntimeHints processAheadOfTime(Class<?> beanClass) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(beanClass);
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "NatsAotTest")), new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		return generationContext.getRuntimeHints();
	}

	record PlaceOrder(String item, int quantity) {
	}

	record OrderPlaced(String orderId) {
	}

	record OrderLine(String item, int quantity) {
	}

	static class OrderListeners {

		@NatsListener(subjects = "orders.place")
		OrderPlaced place(PlaceOrder order, @Header("nats_subject") String subject) {
			return new OrderPlaced(order.item());
		}

		@NatsListener(subjects = "orders.audit")
		void audit(Message message, NatsAcknowledgment acknowledgment) {
		}

		@NatsListener(subjects = "orders.batch")
		void batch(List<OrderLine> lines) {
		}

	}

}
