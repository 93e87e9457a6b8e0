package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.List;

import io.github.natsboot.jetstream.ConsumerDefinition.PriorityPolicy;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.StreamDefinition.Discard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the checks of mirrors, sources, switches and pull and push consumer settings
 * that {@link DefinitionValidator} makes with {@link SettingChecks}.
 */
class SettingChecksTests {

	@Test
	void validMirrorsSourcesAndConsumersPass() {
		assertThat(DefinitionValidator.validate(List.of(
				StreamDefinition.builder("orders").subjects("orders.>").denyDelete(true).maxMsgsPerSubject(1).build(),
				StreamDefinition.builder("copy").mirror(StreamSource.of("orders").withFilterSubject("orders.eu.>")).build(),
				StreamDefinition.builder("all")
					.sources(StreamSource.of("orders").withStartSeq(5),
							StreamSource.of("returns").withSubjectTransforms(new SubjectTransform("r.>", "all.r.>")))
					.consumer("audit", (consumer) -> consumer.filterSubjects("orders.eu.>")
						.deliverSubject("deliver.audit")
						.rateLimit(1000))
					.build(),
				StreamDefinition.builder("archive").sealed(true).maxAge(Duration.ZERO).build(),
				KeyValueDefinition.builder("carts").mirror(StreamSource.of("cartsEu")).maxValueSize(1024).build())))
			.isEmpty();
	}

	@Test
	void aMirrorWithSubjectsOrSourcesOrOfItselfIsInvalid() {
		assertThat(DefinitionValidator.validate(List.of(StreamDefinition.builder("copy")
			.subjects("copy.>")
			.mirror(StreamSource.of("copy"))
			.sources(StreamSource.of("orders"), StreamSource.of("orders"))
			.build()))).extracting(Problem::toString)
			.containsExactly("streams.copy.mirror: a mirror has no subjects of its own: remove subjects",
					"streams.copy.mirror: a mirror takes no sources: remove sources",
					"streams.copy.mirror: 'copy' is this stream itself",
					"streams.copy.sources: lists stream 'orders' more than once");
	}

	@Test
	void sourcesNeedANameOneWayToFilterAndValidSubjects() {
		assertThat(DefinitionValidator.validate(List.of(StreamDefinition.builder("all")
			.sources(new StreamSource(null, null, null, null, null, null, null),
					StreamSource.of("eu").withFilterSubject("eu.>").withSubjectTransforms(new SubjectTransform("eu.>", "x.>")),
					StreamSource.of("us").withFilterSubject("us..bad"), StreamSource.of("asia").withStartSeq(0),
					StreamSource.of("africa").withSubjectTransforms(new SubjectTransform("africa.>", null)))
			.build()))).extracting(Problem::reason)
			.hasSize(5)
			.anyMatch((reason) -> reason.contains("needs the name of the stream"))
			.anyMatch((reason) -> reason.contains("has a filter-subject and subject-transforms"))
			.anyMatch((reason) -> reason.contains("us..bad"))
			.anyMatch((reason) -> reason.contains("start-seq of 'asia' must be at least 1"))
			.anyMatch((reason) -> reason.contains("a subject transform needs a destination"));
	}

	@Test
	void aSealedStreamKeepsNoLimitsThatTheServerWouldTurnOff() {
		assertThat(DefinitionValidator.validate(List.of(StreamDefinition.builder("archive")
			.sealed(true)
			.maxAge(Duration.ofDays(1))
			.discard(Discard.OLD)
			.denyDelete(false)
			.allowRollup(true)
			.build()))).extracting(Problem::property)
			.containsExactly("streams.archive.max-age", "streams.archive.discard", "streams.archive.sealed",
					"streams.archive.allow-rollup");
	}

	@Test
	void rollUpsNeedThePurgePermissionAndLimitsMustBePositive() {
		assertThat(DefinitionValidator.validate(List.of(StreamDefinition.builder("orders")
			.denyPurge(true)
			.allowRollup(true)
			.maxMsgsPerSubject(0)
			.maxConsumers(-2)
			.firstSequence(0)
			.build()))).extracting(Problem::property)
			.containsExactly("streams.orders.max-msgs-per-subject", "streams.orders.max-consumers",
					"streams.orders.first-sequence", "streams.orders.allow-rollup");
	}

	@Test
	void pullAndPushSettingsBelongToTheirKindOfConsumer() {
		ConsumerDefinition push = ConsumerDefinition.builder("orders", "audit")
			.deliverSubject("deliver.*")
			.maxWaiting(10)
			.maxBatch(10)
			.maxExpires(Duration.ofSeconds(5))
			.build();
		ConsumerDefinition pull = ConsumerDefinition.builder("orders", "billing")
			.rateLimit(1000)
			.deliverGroup("billing")
			.inactiveThreshold(Duration.ZERO)
			.sampleFrequency("150%")
			.replicas(0)
			.priorityGroups("jobs")
			.build();
		assertThat(DefinitionValidator.validate(List.of(push, pull))).extracting(Problem::property)
			.containsExactly("streams.orders.consumers.audit.deliver-subject",
					"streams.orders.consumers.audit.max-waiting", "streams.orders.consumers.audit.max-batch",
					"streams.orders.consumers.audit.max-expires",
					"streams.orders.consumers.billing.inactive-threshold",
					"streams.orders.consumers.billing.replicas",
					"streams.orders.consumers.billing.sample-frequency", "streams.orders.consumers.billing.rate-limit",
					"streams.orders.consumers.billing.deliver-group",
					"streams.orders.consumers.billing.priority-policy");
		assertThat(DefinitionValidator.validate(List.of(ConsumerDefinition.builder("orders", "jobs")
			.priorityGroups("jobs")
			.priorityPolicy(PriorityPolicy.PINNED_CLIENT)
			.build()))).isEmpty();
	}

	@Test
	void bucketMirrorsAndSourcesTakeEveryKey() {
		assertThat(DefinitionValidator.validate(List.of(KeyValueDefinition.builder("carts")
			.mirror(StreamSource.of("cartsEu").withFilterSubject("$KV.cartsEu.a"))
			.sources(StreamSource.of("carts"))
			.maxValueSize(0)
			.build()))).extracting(Problem::reason)
			.containsExactly("must be greater than 0, or -1 for unlimited, was 0",
					"a mirror takes no sources: remove sources",
					"a bucket takes every key of 'cartsEu': filter-subject and subject-transforms are for streams",
					"'carts' is this bucket itself");
	}

}
