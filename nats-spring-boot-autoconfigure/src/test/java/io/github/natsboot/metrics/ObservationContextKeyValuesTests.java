package io.github.natsboot.metrics;

import java.util.List;
import java.util.function.Consumer;

import io.github.natsboot.core.NatsTemplateOperation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NATS observation contexts keep their key values in {@link ObservationKeyValues}:
 * they must answer every key value operation as {@code Observation.Context} does.
 */
class ObservationContextKeyValuesTests {

	private static final KeyValues LISTENER = KeyValues.of("messaging.system", "nats", "listener.id", "orders");

	private static final List<Consumer<Observation.Context>> OPERATIONS = List.of(
			(context) -> context.addLowCardinalityKeyValues(LISTENER),
			(context) -> context.addHighCardinalityKeyValues(KeyValues.of("messaging.destination.name", "orders.1")),
			(context) -> context.addLowCardinalityKeyValues(LISTENER),
			(context) -> context.addHighCardinalityKeyValues(KeyValues.of("messaging.destination.name", "orders.2")),
			(context) -> context.addLowCardinalityKeyValue(KeyValue.of("region", "eu")),
			(context) -> context.addLowCardinalityKeyValue(KeyValue.of("listener.id", "renamed")),
			(context) -> context.addHighCardinalityKeyValue(KeyValue.of("trace.note", "x")),
			(context) -> context.addLowCardinalityKeyValues(KeyValues.of("a", "1", "b", "2", "c", "3")),
			(context) -> context.removeLowCardinalityKeyValue("a"),
			(context) -> context.removeLowCardinalityKeyValues("b", "missing"),
			(context) -> context.removeHighCardinalityKeyValue("trace.note"),
			(context) -> context.addHighCardinalityKeyValues(KeyValues.of("d", "4", "e", "5")),
			(context) -> context.removeHighCardinalityKeyValues("d"));

	@Test
	void theListenerContextAnswersEveryKeyValueOperationAsAPlainContextDoes() {
		assertSameAnswers(new NatsReceiverContext(new NatsMessage("orders.1", null, new byte[0]), "orders", "orders.*"));
	}

	@Test
	void theTemplateContextAnswersEveryKeyValueOperationAsAPlainContextDoes() {
		assertSameAnswers(new NatsSenderContext(new Headers(), NatsTemplateOperation.PUBLISH, "orders", "natsTemplate"));
	}

	@Test
	void keyValuesAddedAgainAsTheSameInstanceAreReturnedAsThatInstance() {
		NatsReceiverContext context = new NatsReceiverContext(new NatsMessage("orders.1", null, new byte[0]), "orders",
				"orders.*");
		context.addLowCardinalityKeyValues(LISTENER);
		context.addLowCardinalityKeyValues(LISTENER);
		assertThat(context.getLowCardinalityKeyValues()).isSameAs(LISTENER);
		context.addLowCardinalityKeyValue(KeyValue.of("region", "eu"));
		assertThat(context.getLowCardinalityKeyValues()).isNotSameAs(LISTENER)
			.isEqualTo(LISTENER.and("region", "eu"));
	}

	private static void assertSameAnswers(Observation.Context context) {
		Observation.Context plain = new Observation.Context();
		for (Consumer<Observation.Context> operation : OPERATIONS) {
			operation.accept(context);
			operation.accept(plain);
			assertThat(context.getLowCardinalityKeyValues()).isEqualTo(plain.getLowCardinalityKeyValues());
			assertThat(context.getHighCardinalityKeyValues()).isEqualTo(plain.getHighCardinalityKeyValues());
			assertThat(context.getAllKeyValues()).isEqualTo(plain.getAllKeyValues());
			for (String key : List.of("listener.id", "region", "a", "c", "missing", "messaging.destination.name", "d",
					"e", "trace.note")) {
				assertThat(context.getLowCardinalityKeyValue(key)).isEqualTo(plain.getLowCardinalityKeyValue(key));
				assertThat(context.getHighCardinalityKeyValue(key)).isEqualTo(plain.getHighCardinalityKeyValue(key));
			}
		}
	}

}
