package io.github.natsboot.reliability.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the journals of all soak instances say together: the messages processed, and the
 * leadership terms, checked for overlap and for fencing tokens that only grow.
 */
final class SoakJournals {

	private final Map<String, Integer> processed = new HashMap<>();

	private final List<Long> processedAt = new ArrayList<>();

	private final List<Term> terms = new ArrayList<>();

	private final Map<String, String> lastConnectedUrl = new HashMap<>();

	private final Map<String, Term> openTerms = new HashMap<>();

	private SoakJournals() {
	}

	static SoakJournals read(Path directory) throws IOException {
		SoakJournals journals = new SoakJournals();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".journal")).sorted().toList()) {
				journals.readJournal(file);
			}
		}
		journals.processedAt.sort(Comparator.naturalOrder());
		journals.terms.sort(Comparator.comparingLong(Term::granted));
		return journals;
	}

	private void readJournal(Path file) throws IOException {
		String instance = file.getFileName().toString().replace(".journal", "");
		long last = 0;
		Term open = null;
		for (String line : Files.readAllLines(file)) {
			String[] parts = line.split(" ");
			if (parts.length < 2) {
				continue;
			}
			long millis = Long.parseLong(parts[parts.length - 1]);
			last = millis;
			switch (parts[0]) {
				case "P" -> {
					this.processed.merge(parts[1], 1, Integer::sum);
					this.processedAt.add(millis);
				}
				case "C" -> this.lastConnectedUrl.put(instance, parts[1]);
				case "G" -> open = new Term(instance, Long.parseLong(parts[1]), millis, Long.MAX_VALUE);
				case "R" -> {
					if (open != null) {
						this.terms.add(new Term(instance, open.fencingToken(), open.granted(), millis));
						open = null;
					}
				}
				default -> {
				}
			}
		}
		if (open != null) {
			this.openTerms.put(instance, open);
			this.terms.add(new Term(instance, open.fencingToken(), open.granted(), Math.max(last, open.granted())));
		}
	}

	Set<String> processedIds() {
		return this.processed.keySet();
	}

	int duplicates() {
		return this.processed.values().stream().mapToInt((count) -> count - 1).sum();
	}

	/**
	 * The longest time between two processed messages within the given window.
	 */
	long longestProcessingGap(long fromMillis, long toMillis) {
		long longest = 0;
		long previous = fromMillis;
		for (long at : this.processedAt) {
			if (at < fromMillis || at > toMillis) {
				continue;
			}
			longest = Math.max(longest, at - previous);
			previous = at;
		}
		return longest;
	}

	/**
	 * The instance that holds a term that has not been revoked, if any.
	 */
	String currentLeader() {
		return this.openTerms.keySet().stream().findFirst().orElse(null);
	}

	String lastConnectedUrl(String instance) {
		return this.lastConnectedUrl.get(instance);
	}

	List<Term> terms() {
		return this.terms;
	}

	/**
	 * The most terms of different instances that were held at the same time.
	 */
	int mostLeadersAtOnce() {
		int most = 0;
		for (Term term : this.terms) {
			Set<String> holders = new HashSet<>();
			for (Term other : this.terms) {
				if (other.granted() <= term.granted() && other.revoked() > term.granted()) {
					holders.add(other.instance());
				}
			}
			most = Math.max(most, holders.size());
		}
		return most;
	}

	/**
	 * Whether each term's fencing token is larger than that of every term granted before.
	 */
	boolean fencingTokensIncrease() {
		long previous = Long.MIN_VALUE;
		for (Term term : this.terms) {
			if (term.fencingToken() <= previous) {
				return false;
			}
			previous = term.fencingToken();
		}
		return true;
	}

	record Term(String instance, long fencingToken, long granted, long revoked) {
	}

}
