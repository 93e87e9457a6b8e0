package io.github.natsboot.core;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NatsPermissionViolationsTests {

	@Test
	void publishAndSubscriptionViolationsAreParsedFromTheServerText() {
		assertThat(NatsPermissionViolation.parse("Permissions Violation for Publish to \"orders.new\""))
			.isEqualTo(new NatsPermissionViolation(NatsPermissionViolation.Operation.PUBLISH, "orders.new", null,
					"Permissions Violation for Publish to \"orders.new\""));
		assertThat(NatsPermissionViolation.parse("Permissions Violation for Subscription to \"secret.>\""))
			.extracting(NatsPermissionViolation::operation, NatsPermissionViolation::subject)
			.containsExactly(NatsPermissionViolation.Operation.SUBSCRIBE, "secret.>");
		assertThat(NatsPermissionViolation
			.parse("Permissions Violation for Subscription to \"secret.q\" using queue \"workers\""))
			.extracting(NatsPermissionViolation::subject, NatsPermissionViolation::queue)
			.containsExactly("secret.q", "workers");
	}

	@Test
	void otherServerErrorsAreNotViolations() {
		assertThat(NatsPermissionViolation.parse("Authorization Violation")).isNull();
		assertThat(NatsPermissionViolation.parse("Maximum Payload Violation")).isNull();
		assertThat(NatsPermissionViolation.parse(null)).isNull();
	}

	@Test
	void violationsAreCountedByOperationAndPassedToEveryListenerEvenIfOneFails() {
		List<NatsPermissionViolation> seen = new ArrayList<>();
		NatsPermissionViolations violations = new NatsPermissionViolations(List.of((violation) -> {
			throw new IllegalStateException("failing listener");
		}, seen::add));
		violations.asErrorListener().errorOccurred(null, "Permissions Violation for Publish to \"a\"");
		violations.record("Permissions Violation for Publish to \"b\"");
		violations.record("Permissions Violation for Subscription to \"c\"");
		violations.record("Stale Connection");
		assertThat(violations.getPublishViolationCount()).isEqualTo(2);
		assertThat(violations.getSubscriptionViolationCount()).isEqualTo(1);
		assertThat(violations.getLastViolation().subject()).isEqualTo("c");
		assertThat(seen).extracting(NatsPermissionViolation::subject).containsExactly("a", "b", "c");
	}

}
