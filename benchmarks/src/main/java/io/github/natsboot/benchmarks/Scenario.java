package io.github.natsboot.benchmarks;

import java.util.List;
import java.util.function.Supplier;

/**
 * A workload run by two variants, the starter and raw jnats doing the same work (or the
 * starter with a feature on and off), alternately, round after round. The variants use
 * subjects of the same length ({@code .s} and {@code .r} suffixes), since jnats validates,
 * writes and parses the subject of every message.
 *
 * @param name the name in the table
 * @param messages the messages (or requests) of a round at scale 1
 * @param checks the metrics reported and the ratios they must reach
 * @param first the variant measured (usually the starter), the numerator of the ratio
 * @param second the reference variant (usually raw jnats), the denominator
 * @param fullCount whether every round runs the scenario's full count, never resized to
 * the machine: a scenario that sends at a fixed rate (its rounds last as long on any
 * machine), or one whose count is what it measures (a backlog)
 */
public record Scenario(String name, int messages, List<Check> checks, Labeled first, Labeled second,
		boolean fullCount) {

	/**
	 * A scenario run as fast as the variants go, its measured rounds sized to the machine.
	 * @param name the name in the table
	 * @param messages the messages of a round at scale 1, at most
	 * @param checks the metrics reported and the ratios they must reach
	 * @param first the variant measured
	 * @param second the reference variant
	 */
	public Scenario(String name, int messages, List<Check> checks, Labeled first, Labeled second) {
		this(name, messages, checks, first, second, false);
	}

	/**
	 * A variant with the name the table gives its column.
	 *
	 * @param label such as {@code starter}, {@code raw}, {@code metrics on}
	 * @param factory creates the variant, unopened
	 */
	public record Labeled(String label, Supplier<Variant> factory) {

	}

}
