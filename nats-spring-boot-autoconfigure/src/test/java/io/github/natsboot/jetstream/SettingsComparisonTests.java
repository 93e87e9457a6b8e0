package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import io.github.natsboot.jetstream.ConsumerDefinition.PriorityPolicy;
import io.github.natsboot.jetstream.StreamDefinition.Compression;
import io.nats.client.api.CompressionOption;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.Mirror;
import io.nats.client.api.Source;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.support.JsonParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link StreamDefinitionComparison}, {@link ConsumerDefinitionComparison}
 * and {@link KeyValueDefinitionComparison} compare the settings beyond the limits,
 * including those of servers newer than the 2.9 the integration tests run against.
 */
class SettingsComparisonTests {

	private static final ServerCapabilities SERVER_2_11 = new ServerCapabilities("2.11.4", false, true, true);

	private static final Instant PAUSE = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void theSettingsOfServer210And211AreComparedAndTheServersOwnMetadataIsLeftOut() {
		StreamConfiguration current = StreamConfiguration.builder()
			.name("orders")
			.compressionOption(CompressionOption.S2)
			.subjectTransform(new io.nats.client.api.SubjectTransform("orders.>", "eu.orders.>"))
			.firstSequence(100)
			.metadata(Map.of("team", "billing", "_nats.ver", "2.11.4", "_nats.level", "1"))
			.allowMessageTtl(true)
			.build();
		StreamDefinition same = StreamDefinition.builder("orders")
			.compression(Compression.S2)
			.subjectTransform(new SubjectTransform("orders.>", "eu.orders.>"))
			.firstSequence(100)
			.metadata(Map.of("team", "billing"))
			.allowMsgTtl(true)
			.build();
		assertThat(StreamDefinitionComparison.compare(same, current, SERVER_2_11)).isEmpty();
		StreamDefinition other = StreamDefinition.builder("orders")
			.compression(Compression.NONE)
			.subjectTransform(new SubjectTransform("orders.>", "us.orders.>"))
			.firstSequence(1)
			.metadata(Map.of("team", "shipping"))
			.allowMsgTtl(false)
			.build();
		assertThat(StreamDefinitionComparison.compare(other, current, SERVER_2_11)).containsExactly(
				new FieldDifference("allow-msg-ttl", true, false, true),
				new FieldDifference("subject-transform", new SubjectTransform("orders.>", "eu.orders.>"),
						new SubjectTransform("orders.>", "us.orders.>"), false),
				new FieldDifference("compression", Compression.S2, Compression.NONE, false),
				new FieldDifference("first-sequence", 100L, 1L, true),
				new FieldDifference("metadata", Map.of("team", "billing"), Map.of("team", "shipping"), false));
	}

	@Test
	void noCompressionOnTheServerEqualsCompressionNone() {
		StreamConfiguration current = StreamConfiguration.builder().name("orders").build();
		StreamDefinition definition = StreamDefinition.builder("orders").compression(Compression.NONE).build();
		assertThat(StreamDefinitionComparison.compare(definition, current, SERVER_2_11)).isEmpty();
	}

	@Test
	void switchesThatOnlyTurnOnAreImmutableOnlyWhenTurnedOff() {
		StreamConfiguration on = StreamConfiguration.builder().name("orders").denyDelete(true).denyPurge(true).build();
		StreamConfiguration off = StreamConfiguration.builder().name("orders").build();
		StreamDefinition turnedOff = StreamDefinition.builder("orders").denyDelete(false).denyPurge(false).build();
		StreamDefinition turnedOn = StreamDefinition.builder("orders").denyDelete(true).denyPurge(true).build();
		assertThat(StreamDefinitionComparison.compare(turnedOff, on, SERVER_2_11)).containsExactly(
				new FieldDifference("deny-delete", true, false, true),
				new FieldDifference("deny-purge", true, false, true));
		assertThat(StreamDefinitionComparison.compare(turnedOn, off, SERVER_2_11)).containsExactly(
				new FieldDifference("deny-delete", false, true, false),
				new FieldDifference("deny-purge", false, true, false));
	}

	@Test
	void mirrorsAreImmutableAndSourcesAreComparedInAnyOrderWithTheirFiltersAndTransforms() {
		StreamConfiguration mirror = StreamConfiguration.builder()
			.name("copy")
			.mirror(Mirror.builder().name("orders").filterSubject("orders.eu.>").build())
			.build();
		assertThat(StreamDefinitionComparison.compare(StreamDefinition.builder("copy")
			.mirror(StreamSource.of("orders").withFilterSubject("orders.eu.>"))
			.build(), mirror, SERVER_2_11)).isEmpty();
		assertThat(StreamDefinitionComparison.compare(
				StreamDefinition.builder("copy").mirror(StreamSource.of("orders")).build(), mirror, SERVER_2_11))
			.containsExactly(new FieldDifference("mirror", StreamSource.of("orders").withFilterSubject("orders.eu.>"),
					StreamSource.of("orders"), true));
		io.nats.client.api.SubjectTransform transform = new io.nats.client.api.SubjectTransform("us.>", "all.us.>");
		StreamConfiguration aggregate = StreamConfiguration.builder()
			.name("all")
			.sources(Source.builder().name("eu").startSeq(10).build(),
					Source.builder().name("us").subjectTransforms(transform).build())
			.build();
		StreamSource us = StreamSource.of("us").withSubjectTransforms(new SubjectTransform("us.>", "all.us.>"));
		assertThat(StreamDefinitionComparison.compare(
				StreamDefinition.builder("all").sources(us, StreamSource.of("eu").withStartSeq(10)).build(), aggregate,
				SERVER_2_11))
			.isEmpty();
		assertThat(StreamDefinitionComparison
			.compare(StreamDefinition.builder("all").sources(us).build(), aggregate, SERVER_2_11))
			.extracting(FieldDifference::field, FieldDifference::immutable)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sources", false));
		assertThat(StreamDefinitionComparison.compare(StreamDefinition.builder("all").sources(List.of()).build(),
				StreamConfiguration.builder().name("all").build(), SERVER_2_11))
			.isEmpty();
	}

	@Test
	void theConsumerSettingsOfServer210And211AreComparedAndMaxWaitingAndPullToPushAreImmutable() {
		ConsumerConfiguration current = ConsumerConfiguration.builder()
			.durable("billing")
			.maxPullWaiting(64)
			.metadata(Map.of("team", "billing", "_nats.req.level", "0"))
			.pauseUntil(ZonedDateTime.ofInstant(PAUSE, ZoneOffset.UTC))
			.priorityGroups("jobs")
			.priorityPolicy(io.nats.client.api.PriorityPolicy.Overflow)
			.build();
		ConsumerDefinition same = ConsumerDefinition.builder("orders", "billing")
			.maxWaiting(64)
			.metadata(Map.of("team", "billing"))
			.pauseUntil(PAUSE)
			.priorityGroups("jobs")
			.priorityPolicy(PriorityPolicy.OVERFLOW)
			.build();
		assertThat(ConsumerDefinitionComparison.compare(same, current)).isEmpty();
		ConsumerDefinition other = ConsumerDefinition.builder("orders", "billing")
			.maxWaiting(32)
			.deliverSubject("deliver.billing")
			.metadata(Map.of())
			.pauseUntil(PAUSE.plusSeconds(60))
			.priorityGroups("jobs", "reports")
			.priorityPolicy(PriorityPolicy.PINNED_CLIENT)
			.build();
		assertThat(ConsumerDefinitionComparison.compare(other, current)).containsExactly(
				new FieldDifference("max-waiting", 64, 32, true),
				new FieldDifference("deliver-subject", null, "deliver.billing", true),
				new FieldDifference("metadata", Map.of("team", "billing"), Map.of(), false),
				new FieldDifference("pause-until", PAUSE, PAUSE.plusSeconds(60), false),
				new FieldDifference("priority-groups", List.of("jobs"), List.of("jobs", "reports"), false),
				new FieldDifference("priority-policy", PriorityPolicy.OVERFLOW, PriorityPolicy.PINNED_CLIENT, false));
	}

	@Test
	void aPushConsumersDeliverSubjectMayChangeButNotBecomePull() {
		ConsumerConfiguration push = ConsumerConfiguration.builder().durable("audit").deliverSubject("a").build();
		assertThat(ConsumerDefinitionComparison
			.compare(ConsumerDefinition.builder("orders", "audit").deliverSubject("b").build(), push))
			.containsExactly(new FieldDifference("deliver-subject", "a", "b", false));
	}

	@Test
	void bucketMirrorsAndSourcesAreComparedByBucketNameWithoutTheKeyRewrite() throws Exception {
		KeyValueDefinition definition = KeyValueDefinition.builder("carts")
			.sources(StreamSource.of("cartsEu"), StreamSource.of("cartsUs"))
			.compression(true)
			.metadata(Map.of("team", "carts"))
			.maxValueSize(1024)
			.build();
		KeyValueStatus status = status(KeyValueConfigurations.forCreate(definition));
		assertThat(status.getConfiguration().getSources()).extracting(Source::getName)
			.containsExactly("KV_cartsEu", "KV_cartsUs");
		assertThat(status.getConfiguration().getSources().get(0).getSubjectTransforms())
			.containsExactly(new io.nats.client.api.SubjectTransform("$KV.cartsEu.>", "$KV.carts.>"));
		assertThat(KeyValueDefinitionComparison.compare(definition, status)).isEmpty();
		KeyValueDefinition other = KeyValueDefinition.builder("carts")
			.sources(StreamSource.of("cartsEu"))
			.compression(false)
			.metadata(Map.of("team", "orders"))
			.maxValueSize(2048)
			.build();
		assertThat(KeyValueDefinitionComparison.compare(other, status)).extracting(FieldDifference::field)
			.containsExactly("max-value-size", "compression", "metadata", "sources");
		KeyValueDefinition mirror = KeyValueDefinition.builder("copy").mirror(StreamSource.of("carts")).build();
		KeyValueStatus mirrorStatus = status(KeyValueConfigurations.forCreate(mirror));
		assertThat(mirrorStatus.getConfiguration().getMirror().getName()).isEqualTo("KV_carts");
		assertThat(KeyValueDefinitionComparison.compare(mirror, mirrorStatus)).isEmpty();
		assertThat(KeyValueDefinitionComparison
			.compare(KeyValueDefinition.builder("copy").mirror(StreamSource.of("orders")).build(), mirrorStatus))
			.containsExactly(new FieldDifference("mirror", StreamSource.of("carts"), StreamSource.of("orders"), true));
	}

	@Test
	void aStreamIsCreatedUnsealedAndSealedByTheUpdate() {
		StreamDefinition definition = StreamDefinition.builder("archive").sealed(true).build();
		StreamConfiguration created = StreamConfigurations.forCreate(definition);
		assertThat(created.getSealed()).isFalse();
		assertThat(StreamConfigurations.forUpdate(definition, created).getSealed()).isTrue();
	}

	private static KeyValueStatus status(KeyValueConfiguration configuration) throws Exception {
		String json = "{\"config\":" + configuration.getBackingConfig().toJson() + ",\"created\":\"2026-01-01T00:00:00Z\"}";
		return new KeyValueStatus(new StreamInfo(JsonParser.parse(json)));
	}

	@Test
	void displayValuesNameSourcesTransformsAndMetadataAsWritten() {
		assertThat(DisplayValues.format(StreamSource.of("orders").withFilterSubject("orders.eu.>").withStartSeq(5)))
			.isEqualTo("'orders' filter 'orders.eu.>' from sequence 5");
		assertThat(DisplayValues.format(new SubjectTransform("a.>", "b.>"))).isEqualTo("'a.>' -> 'b.>'");
		assertThat(DisplayValues.format(new java.util.TreeMap<>(Map.of("team", "billing"))))
			.isEqualTo("{team='billing'}");
		assertThat(DisplayValues.format(Duration.ofSeconds(90))).isEqualTo("90s");
	}

}
