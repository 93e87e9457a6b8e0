package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import io.github.natsboot.jetstream.ConsumerDefinition.AckPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.DeliverPolicy;
import io.github.natsboot.jetstream.ConsumerDefinition.ReplayPolicy;
import io.nats.client.api.ConsumerConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsumerDefinitionComparison}.
 */
class ConsumerDefinitionComparisonTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void settingsTheDefinitionDoesNotSetAreNotDifferences() {
		ConsumerConfiguration current = ConsumerConfiguration.builder()
			.durable("billing")
			.filterSubjects("orders.paid")
			.maxDeliver(5)
			.backoff(Duration.ofSeconds(1), Duration.ofSeconds(10))
			.build();
		assertThat(ConsumerDefinitionComparison.compare(definition().build(), current)).isEmpty();
	}

	@Test
	void policiesAndStartPositionAreImmutableAndLimitsAreNot() {
		ConsumerConfiguration current = ConsumerConfiguration.builder()
			.durable("billing")
			.deliverPolicy(io.nats.client.api.DeliverPolicy.ByStartTime)
			.startTime(ZonedDateTime.ofInstant(START, ZoneOffset.UTC))
			.maxAckPending(1000)
			.build();
		ConsumerDefinition definition = definition().ackPolicy(AckPolicy.ALL)
			.deliverPolicy(DeliverPolicy.BY_START_TIME)
			.optStartTime(START.plusSeconds(60))
			.replayPolicy(ReplayPolicy.ORIGINAL)
			.maxAckPending(10)
			.build();
		assertThat(ConsumerDefinitionComparison.compare(definition, current)).containsExactly(
				new FieldDifference("ack-policy", AckPolicy.EXPLICIT, AckPolicy.ALL, true),
				new FieldDifference("opt-start-time", START, START.plusSeconds(60), true),
				new FieldDifference("replay-policy", ReplayPolicy.INSTANT, ReplayPolicy.ORIGINAL, true),
				new FieldDifference("max-ack-pending", 1000, 10, false));
	}

	@Test
	void aDeliverPolicyTheDefinitionHasNoConstantForIsKeptAsTheServerNamesIt() {
		ConsumerConfiguration current = ConsumerConfiguration.builder()
			.durable("billing")
			.deliverPolicy(io.nats.client.api.DeliverPolicy.LastPerSubject)
			.build();
		ConsumerDefinition definition = definition().deliverPolicy(DeliverPolicy.ALL).build();
		assertThat(ConsumerDefinitionComparison.compare(definition, current)).containsExactly(new FieldDifference(
				"deliver-policy", io.nats.client.api.DeliverPolicy.LastPerSubject, DeliverPolicy.ALL, true));
	}

	@Test
	void filterSubjectsAreComparedInAnyOrderAndNoneOnTheServerIsAnEmptyList() {
		ConsumerConfiguration filtered = ConsumerConfiguration.builder()
			.durable("billing")
			.filterSubjects("orders.new", "orders.paid")
			.build();
		ConsumerConfiguration unfiltered = ConsumerConfiguration.builder().durable("billing").build();
		ConsumerDefinition definition = definition().filterSubjects("orders.paid", "orders.new").build();
		assertThat(ConsumerDefinitionComparison.compare(definition, filtered)).isEmpty();
		assertThat(ConsumerDefinitionComparison.compare(definition, unfiltered)).containsExactly(
				new FieldDifference("filter-subjects", List.of(), List.of("orders.paid", "orders.new"), false));
	}

	@Test
	void anAckWaitWithoutBackoffDiffersFromTheServersBackoff() {
		ConsumerConfiguration current = ConsumerConfiguration.builder()
			.durable("billing")
			.ackWait(Duration.ofSeconds(1))
			.backoff(Duration.ofSeconds(1), Duration.ofSeconds(10))
			.build();
		ConsumerDefinition definition = definition().ackWait(Duration.ofSeconds(1)).build();
		assertThat(ConsumerDefinitionComparison.compare(definition, current)).containsExactly(new FieldDifference(
				"backoff", List.of(Duration.ofSeconds(1), Duration.ofSeconds(10)), List.of(), false));
	}

	private static ConsumerDefinition.Builder definition() {
		return ConsumerDefinition.builder("orders", "billing");
	}

}
