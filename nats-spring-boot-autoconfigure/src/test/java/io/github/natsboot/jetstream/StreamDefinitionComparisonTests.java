package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.List;

import io.github.natsboot.jetstream.StreamDefinition.Discard;
import io.github.natsboot.jetstream.StreamDefinition.Retention;
import io.github.natsboot.jetstream.StreamDefinition.Storage;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamDefinitionComparison}.
 */
class StreamDefinitionComparisonTests {

	private static final ServerCapabilities SERVER_2_9 = new ServerCapabilities("2.9.25", false, true, false);

	private static final ServerCapabilities SERVER_2_10 = new ServerCapabilities("2.10.24", false, true, true);

	private final StreamConfiguration current = StreamConfiguration.builder()
		.name("orders")
		.subjects("orders.new", "orders.paid")
		.storageType(StorageType.Memory)
		.retentionPolicy(RetentionPolicy.Interest)
		.maxAge(Duration.ofHours(1))
		.discardPolicy(DiscardPolicy.New)
		.description("Orders")
		.build();

	@Test
	void settingsTheDefinitionDoesNotSetAreNotDifferences() {
		StreamDefinition definition = StreamDefinition.builder("orders").build();
		assertThat(StreamDefinitionComparison.compare(definition, this.current, SERVER_2_10)).isEmpty();
	}

	@Test
	void theSameSubjectsInAnotherOrderAreNoDifference() {
		StreamDefinition definition = StreamDefinition.builder("orders").subjects("orders.paid", "orders.new").build();
		assertThat(StreamDefinitionComparison.compare(definition, this.current, SERVER_2_10)).isEmpty();
	}

	@Test
	void eachDifferenceHoldsTheServersValueInTheDefinitionsTerms() {
		StreamDefinition definition = StreamDefinition.builder("orders")
			.subjects("orders.>")
			.storage(Storage.FILE)
			.maxAge(Duration.ofHours(2))
			.discard(Discard.OLD)
			.description("")
			.build();
		assertThat(StreamDefinitionComparison.compare(definition, this.current, SERVER_2_10)).containsExactly(
				new FieldDifference("subjects", List.of("orders.new", "orders.paid"), List.of("orders.>"), false),
				new FieldDifference("storage", Storage.MEMORY, Storage.FILE, true),
				new FieldDifference("max-age", Duration.ofHours(1), Duration.ofHours(2), false),
				new FieldDifference("discard", Discard.NEW, Discard.OLD, false),
				new FieldDifference("description", "Orders", null, false));
	}

	@Test
	void retentionChangesBetweenLimitsAndInterestFromServer210Only() {
		StreamDefinition definition = StreamDefinition.builder("orders").retention(Retention.LIMITS).build();
		assertThat(StreamDefinitionComparison.compare(definition, this.current, SERVER_2_10))
			.containsExactly(new FieldDifference("retention", Retention.INTEREST, Retention.LIMITS, false));
		assertThat(StreamDefinitionComparison.compare(definition, this.current, SERVER_2_9))
			.containsExactly(new FieldDifference("retention", Retention.INTEREST, Retention.LIMITS, true));
	}

	@Test
	void retentionNeverChangesToWorkQueue() {
		StreamDefinition definition = StreamDefinition.builder("orders").retention(Retention.WORK_QUEUE).build();
		assertThat(StreamDefinitionComparison.compare(definition, this.current, SERVER_2_10))
			.containsExactly(new FieldDifference("retention", Retention.INTEREST, Retention.WORK_QUEUE, true));
	}

}
