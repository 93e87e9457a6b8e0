package io.github.natsboot.listener;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPatternFilterTests {

	@Test
	void keysMatchLiteralTokensSingleTokenWildcardsAndTrailingWildcards() {
		KeyPatternFilter filter = KeyPatternFilter.of(List.of("app.*.color", "feature.>", "global"));
		assertThat(filter.matches("app.web.color")).isTrue();
		assertThat(filter.matches("feature.dark")).isTrue();
		assertThat(filter.matches("feature.dark.users")).isTrue();
		assertThat(filter.matches("global")).isTrue();
		assertThat(filter.matches("app.color")).isFalse();
		assertThat(filter.matches("app.web.color.extra")).isFalse();
		assertThat(filter.matches("app.web.colors")).isFalse();
		assertThat(filter.matches("feature")).isFalse();
		assertThat(filter.matches("globals")).isFalse();
		assertThat(filter.matches("glob")).isFalse();
	}

	@Test
	void theCoveringPatternIsTheLongestCommonLiteralPrefixFollowedByTheRest() {
		assertThat(KeyPatternFilter.of(List.of("app.a.x", "app.a.*", "app.a.b.>")).covering()).isEqualTo("app.a.>");
		assertThat(KeyPatternFilter.of(List.of("app.a", "app.b")).covering()).isEqualTo("app.>");
		assertThat(KeyPatternFilter.of(List.of("app", "app.b")).covering()).isEqualTo(">");
		assertThat(KeyPatternFilter.of(List.of("app.*.x", "app.*.y")).covering()).isEqualTo("app.>");
		assertThat(KeyPatternFilter.of(List.of("app.>", "feature.>")).covering()).isEqualTo(">");
	}

}
