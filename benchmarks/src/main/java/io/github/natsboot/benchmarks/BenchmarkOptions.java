package io.github.natsboot.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Options of a benchmark run, from {@code --name=value} arguments or, failing that, from
 * {@code bench.name} system properties.
 *
 * @param rounds measured rounds of each variant (12 by default, an even number so that each variant
 * runs first in as many pairs of rounds as the other; at least 5 for the table to mean much)
 * @param warmupRounds rounds of each variant run first and not counted
 * @param scale multiplies the messages of every round
 * @param roundSeconds how long a measured round of the slower variant should last about,
 * so that a run takes as long on a slow machine as on a fast one; {@code 0} to run every
 * round with the scenario's full count
 * @param only names (or parts of names) of the scenarios to run, empty for all
 */
public record BenchmarkOptions(int rounds, int warmupRounds, double scale, double roundSeconds, List<String> only) {

	/**
	 * Usage text.
	 */
	public static final String USAGE = """
			Options (also as -Dbench.<name>=<value>):
			  --rounds=12       measured rounds of each variant, alternating starter and raw
			  --warmup=2        rounds of each variant run first and not counted
			  --scale=1.0       multiplies the messages of every round (0.2 for a quick look)
			  --round-seconds=0.8 size measured rounds to last about this long (0: full counts)
			  --only=a,b        run only the scenarios whose name contains one of these
			  --threads         print each thread's CPU time per message after each round
			  --list            list the scenarios and exit
			""";

	/**
	 * Parse the arguments.
	 * @param args the program arguments
	 * @return the options
	 * @throws IllegalArgumentException for an unknown option or a bad value
	 */
	public static BenchmarkOptions parse(String... args) {
		int rounds = Integer.parseInt(value(args, "rounds", "12"));
		int warmup = Integer.parseInt(value(args, "warmup", "2"));
		double scale = Double.parseDouble(value(args, "scale", "1.0"));
		double roundSeconds = Double.parseDouble(value(args, "round-seconds", "0.8"));
		String only = value(args, "only", "");
		for (String arg : args) {
			String name = arg.replaceFirst("^--", "").replaceFirst("=.*$", "");
			if (!List.of("rounds", "warmup", "scale", "round-seconds", "only", "threads", "list", "help").contains(name)) {
				throw new IllegalArgumentException("Unknown option '" + arg + "'\n" + USAGE);
			}
		}
		if (rounds < 1 || warmup < 0 || scale <= 0 || roundSeconds < 0) {
			throw new IllegalArgumentException(
					"rounds must be at least 1, warmup and round-seconds at least 0 and scale positive\n" + USAGE);
		}
		List<String> names = new ArrayList<>();
		for (String name : only.split(",")) {
			if (!name.isBlank()) {
				names.add(name.trim().toLowerCase(Locale.ROOT));
			}
		}
		return new BenchmarkOptions(rounds, warmup, scale, roundSeconds, List.copyOf(names));
	}

	static boolean has(String[] args, String flag) {
		return Arrays.asList(args).contains("--" + flag);
	}

	private static String value(String[] args, String name, String defaultValue) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return System.getProperty("bench." + name, defaultValue);
	}

	/**
	 * The messages of a round, scaled.
	 * @param messages the messages at scale 1
	 * @return the scaled count, at least 1
	 */
	public int scaled(int messages) {
		return Math.max(1, (int) Math.round(messages * this.scale));
	}

	/**
	 * The messages of a measured round: as many as the slower variant handles in
	 * {@link #roundSeconds()} at the rate it reached while warming up, never more than the
	 * scenario's (scaled) count and never less than a tenth of it.
	 * @param messages the scenario's messages, scaled
	 * @param slowerRate the messages per second of the slower variant's warm-up round
	 * @return the messages of each measured round
	 */
	public int measuredRound(int messages, double slowerRate) {
		if (this.roundSeconds == 0 || !(slowerRate > 0)) {
			return messages;
		}
		long sized = Math.round(slowerRate * this.roundSeconds);
		return (int) Math.max(Math.max(1, messages / 10), Math.min(messages, sized));
	}

	/**
	 * Whether a scenario is selected.
	 * @param scenarioName the scenario name
	 * @return {@code true} when it should run
	 */
	public boolean selects(String scenarioName) {
		String name = scenarioName.toLowerCase(Locale.ROOT);
		return this.only.isEmpty() || this.only.stream().anyMatch(name::contains);
	}

}
