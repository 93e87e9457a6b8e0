package io.github.natsboot.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void defaultsAreTwelveRoundsOfAboutEightTenthsOfASecondAfterTwoWarmUps() {
		BenchmarkOptions options = BenchmarkOptions.parse();
		assertThat(options.rounds()).isEqualTo(12);
		assertThat(options.warmupRounds()).isEqualTo(2);
		assertThat(options.roundSeconds()).isEqualTo(0.8);
		assertThat(options.only()).isEmpty();
	}

	@Test
	void measuredRoundsLastAboutTheRoundSecondsOfTheSlowerVariant() {
		BenchmarkOptions options = BenchmarkOptions.parse("--round-seconds=2");
		assertThat(options.measuredRound(900_000, 200_000.4)).isEqualTo(400_001);
	}

	@Test
	void measuredRoundsNeverExceedTheScenarioCountNorFallBelowATenthOfIt() {
		BenchmarkOptions options = BenchmarkOptions.parse();
		assertThat(options.measuredRound(900_000, 5_000_000)).isEqualTo(900_000);
		assertThat(options.measuredRound(900_000, 1_000)).isEqualTo(90_000);
		assertThat(options.measuredRound(900_000, 500_000)).isEqualTo(400_000);
		assertThat(options.measuredRound(5, 1)).isEqualTo(1);
	}

	@Test
	void roundSecondsOfZeroKeepTheScenarioCount() {
		assertThat(BenchmarkOptions.parse("--round-seconds=0").measuredRound(900_000, 1_000)).isEqualTo(900_000);
	}

	@Test
	void unknownOptionsAndNegativeRoundSecondsAreRejectedWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--round=3"))
			.withMessageContaining("Unknown option '--round=3'")
			.withMessageContaining("--round-seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--round-seconds=-1"))
			.withMessageContaining("round-seconds at least 0");
	}

}
