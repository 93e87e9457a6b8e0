package io.github.natsboot.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NatsSubjectsTests {

	@ParameterizedTest
	@ValueSource(strings = { "orders", "orders.created", "a.b.c.d", "_INBOX.abc123", "$JS.API.INFO", "orders-eu.v2",
			"commandes.créées", "订单.已创建", "a~b", "x" })
	void acceptsSubjectsThatCanBePublishedTo(String subject) {
		assertThat(NatsSubjects.requirePublishSubject(subject)).isSameAs(subject);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void rejectsEmptySubjects(String subject) {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsSubjects.requirePublishSubject(subject))
			.withMessage("Subject must not be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "orders created", "orders.\tcreated", "orders\n" })
	void rejectsWhitespaceWherever(String subject) {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsSubjects.requirePublishSubject(subject))
			.withMessageEndingWith("it contains whitespace");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".orders", "orders.", "orders..created", "." })
	void rejectsEmptyTokens(String subject) {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsSubjects.requirePublishSubject(subject))
			.withMessageEndingWith("it has an empty token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "orders.*", "orders.>", "*", "orders*x" })
	void rejectsWildcardsWhenPublishing(String subject) {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsSubjects.requirePublishSubject(subject))
			.withMessageContaining("wildcards (* and >) are only allowed when subscribing");
	}

	@ParameterizedTest
	@ValueSource(strings = { "orders.*", "orders.>", "*.created", "orders.*.>" })
	void acceptsWholeTokenWildcardsWhenSubscribing(String subject) {
		assertThat(NatsSubjects.requireSubscribeSubject(subject)).isSameAs(subject);
	}

	@ParameterizedTest
	@ValueSource(strings = { "orders.cre*", "orders.>.created" })
	void rejectsMisplacedWildcardsWhenSubscribing(String subject) {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsSubjects.requireSubscribeSubject(subject))
			.withMessageStartingWith("Invalid subject '" + subject + "'");
	}

}
