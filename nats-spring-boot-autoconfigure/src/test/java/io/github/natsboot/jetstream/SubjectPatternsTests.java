package io.github.natsboot.jetstream;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SubjectPatterns}.
 */
class SubjectPatternsTests {

	@ParameterizedTest(name = "{0} and {1} overlap: {2}")
	@CsvSource({ "orders.>, orders.new, true", "orders.new, orders.>, true", "orders.*, orders.new, true",
			"orders.*.eu, orders.us.*, true", "orders.*.eu, orders.*.us, false", "orders, orders.>, false",
			"orders.>, orders.new.eu, true", "orders.new, orders.old, false", "orders.*, orders.new.eu, false",
			">, anything.at.all, true", "orders.new, orders.new, true" })
	void overlappingPatternsShareAtLeastOneSubject(String first, String second, boolean overlap) {
		assertThat(SubjectPatterns.overlap(first, second)).isEqualTo(overlap);
	}

	@ParameterizedTest(name = "{0} within {1}: {2}")
	@CsvSource({ "orders.new, orders.>, true", "orders.new.eu, orders.>, true", "orders.*, orders.>, true",
			"orders.>, orders.*, false", "orders.new, orders.*, true", "orders.*, orders.new, false",
			"orders, orders.>, false", "orders.>, orders.>, true", "orders.*.eu, orders.*.*, true",
			"orders.*.*, orders.*.eu, false" })
	void aPatternIsASubsetWhenEverySubjectItMatchesMatchesTheOther(String pattern, String container,
			boolean subset) {
		assertThat(SubjectPatterns.isSubset(pattern, container)).isEqualTo(subset);
	}

	@ParameterizedTest(name = "filter {0}: {1}")
	@CsvSource({ "orders.paid, true", "orders.*, true", "orders.>, true", ">, true", "payments.*, false",
			"orders, false", "refunds.eu, true", "refunds.*, true", "*.eu, true" })
	void aFilterMustLieWithinTheStreamSubjectsOrCoverOneOfThem(String filter, boolean valid) {
		assertThat(SubjectPatterns.isValidFilter(filter, List.of("orders.>", "refunds.eu"))).isEqualTo(valid);
	}

}
