package io.github.natsboot.listener;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderedDeliveryTests {

	@Test
	void namedOptionsParseWhateverTheirCaseAndBlanks() {
		assertThat(OrderedDelivery.parse("").policy()).isEqualTo(DeliverPolicy.All);
		assertThat(OrderedDelivery.parse(" All ").policy()).isEqualTo(DeliverPolicy.All);
		assertThat(OrderedDelivery.parse("NEW").policy()).isEqualTo(DeliverPolicy.New);
		assertThat(OrderedDelivery.parse("last").policy()).isEqualTo(DeliverPolicy.Last);
		assertThat(OrderedDelivery.parse("Last-Per-Subject").policy()).isEqualTo(DeliverPolicy.LastPerSubject);
	}

	@Test
	void aStartSequenceIsANumberWithOrWithoutItsPrefix() {
		assertThat(OrderedDelivery.parse("42")).isEqualTo(OrderedDelivery.fromSequence(42));
		assertThat(OrderedDelivery.parse("sequence: 42")).isEqualTo(OrderedDelivery.fromSequence(42));
		assertThat(OrderedDelivery.parse("SEQUENCE:7").startSequence()).isEqualTo(7);
	}

	@Test
	void aStartTimeIsAnIsoTimeWithAnOffsetWithOrWithoutItsPrefix() {
		ZonedDateTime expected = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		assertThat(OrderedDelivery.parse("2026-01-01T00:00:00Z").startTime()).isEqualTo(expected);
		assertThat(OrderedDelivery.parse("time:2026-01-01T01:00:00+01:00").startTime()).isEqualTo(expected);
		assertThat(OrderedDelivery.parse("time:2026-01-01T00:00:00Z").policy()).isEqualTo(DeliverPolicy.ByStartTime);
	}

	@Test
	void everyOptionReadsBackAsItIsWritten() {
		for (String option : List.of("all", "new", "last", "last-per-subject", "sequence:42",
				"time:2026-01-01T00:00Z")) {
			assertThat(OrderedDelivery.parse(option)).hasToString(option);
			assertThat(OrderedDelivery.parse(OrderedDelivery.parse(option).toString()))
				.isEqualTo(OrderedDelivery.parse(option));
		}
	}

	@Test
	void anythingElseIsRejectedNamingTheOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrderedDelivery.parse("yesterday"))
			.withMessageContaining("deliver must be all, new, last, last-per-subject")
			.withMessageContaining("was 'yesterday'");
		assertThatIllegalArgumentException().isThrownBy(() -> OrderedDelivery.parse("2026-01-01T00:00:00"))
			.withMessageContaining("ISO-8601 start time with an offset");
		assertThatIllegalArgumentException().isThrownBy(() -> OrderedDelivery.parse("sequence:0"))
			.withMessageContaining("stream sequences start at 1");
		assertThatIllegalArgumentException().isThrownBy(() -> OrderedDelivery.parse("sequence:abc"))
			.withMessageContaining("is not a start sequence");
		assertThatIllegalArgumentException().isThrownBy(() -> OrderedDelivery.parse("0"))
			.withMessageContaining("stream sequences start at 1");
	}

	@Test
	void theConsumerConfigurationStartsWhereTheOptionSaysAndFiltersOnTheSubjects() {
		OrderedConsumerConfiguration fromSequence = OrderedDelivery.parse("sequence:5")
			.configuration(List.of("events.a"));
		assertThat(fromSequence.getDeliverPolicy()).isEqualTo(DeliverPolicy.ByStartSequence);
		assertThat(fromSequence.getStartSequence()).isEqualTo(5);
		assertThat(fromSequence.getFilterSubjects()).containsExactly("events.a");
		OrderedConsumerConfiguration fromTime = OrderedDelivery.parse("2026-01-01T00:00:00Z").configuration(List.of());
		assertThat(fromTime.getDeliverPolicy()).isEqualTo(DeliverPolicy.ByStartTime);
		assertThat(fromTime.getStartTime()).isEqualTo(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
		assertThat(fromTime.getFilterSubjects()).containsExactly(">");
	}

}
