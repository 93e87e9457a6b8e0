package io.github.natsboot.core;

import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class NatsHeaderValuesTests {

	@Test
	void printableAsciiIsKeptAsItIs() {
		String text = "java.lang.IllegalStateException: no price for 'NATS' (code=42) ~!@#$%^&*()";
		assertThat(NatsHeaderValues.of(text)).isSameAs(text);
	}

	@Test
	void lineBreaksAndTabsBecomeSpacesAndSurroundingWhitespaceGoes() {
		assertThat(NatsHeaderValues.of("  first line\r\nsecond\tline\n")).isEqualTo("first line  second line");
	}

	@Test
	void controlAndNonAsciiCharactersAreEscaped() {
		assertThat(NatsHeaderValues.of("a\u0000b\u007fc\u00ffd\u00e9\u20ac")).isEqualTo(
				"a\\u0000b\\u007fc\\u00ffd\\u00e9\\u20ac");
		assertThat(NatsHeaderValues.of("Ung\u00fcltige Menge \uD83D\uDE00")).isEqualTo(
				"Ung\\u00fcltige Menge \\ud83d\\ude00");
	}

	@Test
	void everyCharacterGivesAValueJnatsAccepts() {
		StringBuilder all = new StringBuilder();
		for (char c = 0; c < 0x3000; c++) {
			all.append(c);
		}
		String value = NatsHeaderValues.of(all.toString(), 100_000);
		assertThat(value.chars()).allMatch((c) -> c >= 0x20 && c < 0x7F);
		assertThatNoException().isThrownBy(() -> new Headers().put("X-Value", value));
	}

	@Test
	void aLongValueIsCutToItsBoundAndEndsInAnEllipsis() {
		String value = NatsHeaderValues.of("x".repeat(2000));
		assertThat(value).hasSize(NatsHeaderValues.DEFAULT_MAX_LENGTH).endsWith("x...");
		assertThat(NatsHeaderValues.of("\u00ff".repeat(100), 20)).isEqualTo("\\u00ff\\u00ff...");
	}

	@Test
	void aValueThatFitsItsBoundOnceEscapedIsNotCut() {
		assertThat(NatsHeaderValues.of("abcd\u00ff", 10)).isEqualTo("abcd\\u00ff");
		assertThat(NatsHeaderValues.of("abcde\u00ff", 10)).isEqualTo("abcde...");
		assertThat(NatsHeaderValues.of("x".repeat(512))).hasSize(512).doesNotEndWith("...");
	}

	@Test
	void nullIsEmpty() {
		assertThat(NatsHeaderValues.of(null)).isEmpty();
	}

	@Test
	void aBoundTooSmallForTheEllipsisIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsHeaderValues.of("text", 3))
			.withMessage("maxLength must be at least 4, was 3");
	}

}
