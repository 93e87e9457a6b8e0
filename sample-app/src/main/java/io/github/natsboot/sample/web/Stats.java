package io.github.natsboot.sample.web;

import java.util.List;
import java.util.Map;

/**
 * The answer to {@code GET /api/stats}: what this instance counted since it started.
 *
 * @param instance the id of this instance
 * @param roles the roles it plays
 * @param counters the counts, by name
 * @param quotesAnsweredBy how many quotes each worker answered (web role)
 */
public record Stats(String instance, List<String> roles, Map<String, Long> counters,
		Map<String, Long> quotesAnsweredBy) {

}
