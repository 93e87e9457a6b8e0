package io.github.natsboot.reliability;

/**
 * Prints the one line each reliability test reports its figure on, in a fixed format that
 * the README's table is built from: {@code RELIABILITY | <test> | <figure>}.
 */
final class ReliabilityFigures {

	private ReliabilityFigures() {
	}

	static void report(String test, String format, Object... args) {
		System.out.println("RELIABILITY | " + test + " | " + String.format(format, args));
	}

}
