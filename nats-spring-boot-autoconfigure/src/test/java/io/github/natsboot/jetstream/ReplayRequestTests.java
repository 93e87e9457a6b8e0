package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ReplayRequest}.
 */
class ReplayRequestTests {

	@Test
	void aRequestReplaysTheWholeStreamFromTheBeginningWithinThirtySecondsByDefault() {
		ReplayRequest request = ReplayRequest.builder("orders").build();
		assertThat(request.getStream()).isEqualTo("orders");
		assertThat(request.getFilterSubject()).isNull();
		assertThat(request.isFromBeginning()).isTrue();
		assertThat(request.getStartSequence()).isZero();
		assertThat(request.getStartTime()).isNull();
		assertThat(request.getTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void theLastStartSetWins() {
		Instant time = Instant.parse("2026-01-01T00:00:00Z");
		ReplayRequest fromTime = ReplayRequest.builder("orders").startSequence(5).startTime(time).build();
		assertThat(fromTime.getStartTime()).isEqualTo(time);
		assertThat(fromTime.getStartSequence()).isZero();
		assertThat(fromTime.isFromBeginning()).isFalse();
		ReplayRequest fromSequence = ReplayRequest.builder("orders").startTime(time).startSequence(5).build();
		assertThat(fromSequence.getStartSequence()).isEqualTo(5);
		assertThat(fromSequence.getStartTime()).isNull();
		assertThat(ReplayRequest.builder("orders").startSequence(5).fromBeginning().build().isFromBeginning())
			.isTrue();
	}

	@Test
	void aWildcardFilterIsAcceptedAndTheFullWildcardMeansNoFilter() {
		assertThat(ReplayRequest.builder("orders").filterSubject("orders.*.created").build().getFilterSubject())
			.isEqualTo("orders.*.created");
		assertThat(ReplayRequest.builder("orders").filterSubject(">").build().getFilterSubject()).isNull();
	}

	@Test
	void aMalformedFilterIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReplayRequest.builder("orders").filterSubject("orders..created"))
			.withMessageContaining("empty token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReplayRequest.builder("orders").filterSubject("orders.>.created"))
			.withMessageContaining("> is only allowed as the last token");
	}

	@Test
	void anInvalidStreamNameIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReplayRequest.builder(" "))
			.withMessage("Stream must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> ReplayRequest.builder("orders.v1"))
			.withMessageContaining("Invalid stream name 'orders.v1'");
	}

	@Test
	void aStartSequenceBelowOneAndANonPositiveTimeoutAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReplayRequest.builder("orders").startSequence(0))
			.withMessage("Start sequence must be at least 1, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReplayRequest.builder("orders").timeout(Duration.ZERO))
			.withMessage("Timeout must be positive, was PT0S");
	}

}
