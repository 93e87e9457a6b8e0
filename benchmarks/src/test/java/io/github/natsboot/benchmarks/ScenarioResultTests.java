package io.github.natsboot.benchmarks;

import java.util.Collections;
import java.util.List;
import java.util.stream.DoubleStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScenarioResultTests {

	private static final Scenario SCENARIO = new Scenario("probe", 1, List.of(new Check(Metric.THROUGHPUT, 0.95)),
			new Scenario.Labeled("starter", () -> null), new Scenario.Labeled("raw", () -> null));

	@Test
	void ratioIsTheRatioOfTheMediansOfTheRounds() {
		ScenarioResult result = result(rounds(90, 100, 110, 500), rounds(100, 100, 200));
		assertThat(result.ratio(Metric.THROUGHPUT)).isCloseTo(105.0 / 100.0, within(1e-9));
	}

	@Test
	void roundsThatAllAgreeLeaveNoRoomAroundTheRatio() {
		ScenarioResult result = result(rounds(90, 90, 90, 90), rounds(100, 100, 100, 100));
		assertThat(result.ratioInterval(Metric.THROUGHPUT)).containsExactly(0.9, 0.9);
	}

	@Test
	void scatteredRoundsGiveARangeAroundTheRatioThatNarrowsWithMoreRounds() {
		ScenarioResult few = result(rounds(80, 100, 120, 90, 110), rounds(100, 95, 105, 90, 110));
		double[] fewRange = few.ratioInterval(Metric.THROUGHPUT);
		assertThat(fewRange[0]).isLessThan(few.ratio(Metric.THROUGHPUT));
		assertThat(fewRange[1]).isGreaterThan(few.ratio(Metric.THROUGHPUT));
		ScenarioResult many = result(repeat(rounds(80, 100, 120, 90, 110), 8), repeat(rounds(100, 95, 105, 90, 110), 8));
		double[] manyRange = many.ratioInterval(Metric.THROUGHPUT);
		assertThat(manyRange[1] - manyRange[0]).isLessThan(fewRange[1] - fewRange[0]);
	}

	@Test
	void theRangeIsTheSameForTheSameRounds() {
		ScenarioResult result = result(rounds(80, 100, 120, 90, 110), rounds(100, 95, 105, 90, 110));
		assertThat(result.ratioInterval(Metric.THROUGHPUT)).containsExactly(result.ratioInterval(Metric.THROUGHPUT));
	}

	private static ScenarioResult result(List<Sample> first, List<Sample> second) {
		return new ScenarioResult(SCENARIO, first, second, null);
	}

	private static List<Sample> rounds(double... messagesPerSecond) {
		return DoubleStream.of(messagesPerSecond)
			.mapToObj((rate) -> new Sample((long) rate, 1_000_000_000L, 1, null))
			.toList();
	}

	private static List<Sample> repeat(List<Sample> samples, int times) {
		return Collections.nCopies(times, samples).stream().flatMap(List::stream).toList();
	}

}
